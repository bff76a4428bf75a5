"""Errors a user can cause. The CLI turns each into one line on stderr and exit code 2."""


class ClaimcheckError(Exception):
    """A usage, input or rule-file error; `str(err)` is the one-line message for the user."""


class InputError(ClaimcheckError):
    """An input file cannot be read or analysed (missing, binary, undecodable, too big...)."""


class RuleError(ClaimcheckError):
    """A rule file is invalid; the message names the file and line."""


class ModelError(ClaimcheckError):
    """No usable parser models for a language, or a model file is broken."""
