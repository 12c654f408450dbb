"""Errors a user can cause, each with a message a person can act on.

The command line turns any `RiwayaError` into one line on stderr and exit status 2.
"""


class RiwayaError(Exception):
    """Base for every error riwaya reports to the user instead of a traceback."""


class LoadError(RiwayaError):
    """A source could not be loaded: the message names the source and the cause."""


class InputError(RiwayaError):
    """The command line or an input file is not what riwaya can work with."""
