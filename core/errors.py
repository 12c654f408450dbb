"""Errors a user can cause, each with a message a person can act on.

The command line turns any `RiwayaError` into one line on stderr and exit status 2.
"""


class RiwayaError(Exception):
    """Base for every error riwaya reports to the user instead of a traceback."""


class LoadError(RiwayaError):
    """A source could not be loaded: the message names the source and the cause."""


class InputError(RiwayaError):
    """The command line or an input file is not what riwaya can work with."""


class OutputError(RiwayaError):
    """A report or an export could not be written: the message names where and why."""


def os_cause(error: OSError) -> str:
    """The operating system's reason in a few words ("no space left on device"), no errno."""
    return (error.strerror or str(error) or type(error).__name__).lower()
