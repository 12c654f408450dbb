"""Screens of the riwaya app: report, finding details, help, loading, sample chooser."""
