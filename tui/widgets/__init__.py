"""Widgets of the riwaya app, one area of the screen each."""
