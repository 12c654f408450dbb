"""riwaya: lay news accounts side by side and show where they contradict each other."""

__version__ = "0.1.0"
