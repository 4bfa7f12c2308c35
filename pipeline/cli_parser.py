"""argparse in the catalogue's language, with a suggestion for a misspelt subcommand or flag.

argparse words its own messages ("usage:", "options", "the following arguments are required")
through gettext's `_` and `ngettext`, looked up as module globals each time a message is made. Rather
than copy argparse, those two names are pointed at `translate`, which finds argparse's English text
among the catalogue's `argparse.*` entries (whose "en" is that text, exactly, so English stays
argparse's own) and gives it in the current language. A text the catalogue does not hold is kept.

Python 3.11's argparse suggests nothing for "kehoach rnu" or "--fromat"; `Parser` adds the closest
name (difflib), in the user's language.
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Iterable, Sequence
from functools import cache

from pipeline.i18n import catalogue, language, say

_ARGPARSE_KEYS = "argparse."


@cache
def _keys_by_english() -> dict[str, str]:
    return {texts["en"]: key for key, texts in catalogue().items() if key.startswith(_ARGPARSE_KEYS)}


def translate(text: str) -> str:
    """argparse's `text` in the current language (its %-placeholders untouched: argparse fills them)."""
    key = _keys_by_english().get(text)
    return catalogue()[key][language()] if key else text


def translate_plural(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


def install() -> None:
    """Make argparse speak through the catalogue (for this process; the CLI calls it once)."""
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate `word` was most likely meant to be, if one is close enough."""
    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def language_in(argv: Sequence[str]) -> str | None:
    """The value of `--lang` anywhere in `argv` (before or after the subcommand), read before the
    parser is built, because the parser's help texts are made in the language chosen."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose wrong choices and unknown flags come with "did you mean …?"."""

    def _check_value(self, action: argparse.Action, value: object) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(choice) for choice in action.choices]
        suggestion = closest(str(value), choices)
        hint = say("cli.did_you_mean", suggestion=suggestion) if suggestion else ""
        message = say("cli.invalid_choice", value=value, choices=", ".join(choices), hint=hint)
        raise argparse.ArgumentError(action, message)

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            flags = self._flags(namespace)
            shown = [self._with_suggestion(extra, flags) for extra in extras]
            self.error(say("cli.unrecognized", arguments=" ".join(shown)))
        return namespace

    def _flags(self, namespace: argparse.Namespace) -> list[str]:
        """The flags this parser and the subcommand chosen accept: where a misspelt flag may belong."""
        flags: list[str] = []
        for action in self._actions:
            flags += [flag for flag in action.option_strings if flag.startswith("--")]
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(namespace, action.dest, None) or "")
                if chosen is not None:
                    flags += [flag for a in chosen._actions for flag in a.option_strings if flag.startswith("--")]
        return flags

    @staticmethod
    def _with_suggestion(extra: str, flags: list[str]) -> str:
        if not extra.startswith("-"):
            return extra
        suggestion = closest(extra.partition("=")[0], flags)
        return say("cli.unrecognized_one", argument=extra, suggestion=suggestion) if suggestion else extra
