"""`kehoach audit PATH... [--against N|auto] [--out DIR] [--profile FILE]`.

Runs the pipeline on the plans (the same resumable batch as `kehoach run`, into DIR/run, so a
second audit of the same files reuses their results), audits them against the directive profiles
and writes findings.json, findings.csv and report.html into DIR, with each plan's own page
(`show --html`) under DIR/plans/. `--from RUN` audits what a finished `kehoach run` wrote into RUN
(its per-document JSON), processing nothing again: a province runs its plans once and audits them
as often as it likes.

`--profile FILE` adds a directive profile: a profile .json is used as it is; a directive's own
text (.txt, .docx, .pdf) is read by the extractors into a profile, which is saved under
DIR/profiles/ for the user to check and keep, and used for this audit.
Exit codes as for `kehoach run`: 0 done, 2 bad usage, 1 nothing could be audited.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from pipeline.audit.models import AuditReport
from pipeline.audit.report import REPORT_HTML, write_report
from pipeline.batch import BatchSummary, run_batch
from pipeline.errors import KehoachError
from pipeline.i18n import say
from pipeline.ingest import SUPPORTED_SUFFIXES
from pipeline.models import PlanResult
from pipeline.outputs.files import write_atomic

RUN_DIR = "run"
PROFILES_DIR = "profiles"


def load_results(run_dir: Path, summary: BatchSummary) -> tuple[list[PlanResult], list[dict[str, str]]]:
    """This batch's PlanResults, read back from DIR/run/docs/, and one error row per file that failed.

    Only the files of this batch: DIR/run may hold results of earlier audits of other files.
    """
    results: list[PlanResult] = []
    errors: list[dict[str, str]] = []
    for outcome in summary.outcomes:
        if outcome.status in {"ok", "unchanged"} and outcome.output:
            results.append(PlanResult.model_validate_json((run_dir / outcome.output).read_text(encoding="utf-8")))
        elif outcome.error_code:
            errors.append({"source_file": outcome.path, "error": outcome.error_code, "message": outcome.message or ""})
    results.sort(key=lambda r: (r.doc_id, r.source or ""))  # workers finish in any order; the report must not
    return results, errors


def load_run(run_dir: Path) -> tuple[list[PlanResult], list[dict[str, str]]]:
    """The results and errors of a finished `kehoach run` into `run_dir`, read from its files (nothing
    is processed again): the manifest names every file's latest result or error; without a manifest,
    every docs/*.json. Raises ValueError (a usage error) for a folder no run wrote."""
    docs = run_dir / "docs"
    if not docs.is_dir() and (run_dir / RUN_DIR / "docs").is_dir():  # the out folder of an earlier audit
        return load_run(run_dir / RUN_DIR)
    if not docs.is_dir():
        raise ValueError(say("audit.from_missing", path=run_dir))
    results: list[PlanResult] = []
    errors: list[dict[str, str]] = []
    manifest_path = run_dir / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else None
    except (OSError, ValueError):
        manifest = None
    if isinstance(manifest, dict):
        for path, entry in manifest.items():
            if not isinstance(entry, dict):
                continue
            if entry.get("output") and (run_dir / entry["output"]).is_file():
                results.append(PlanResult.model_validate_json((run_dir / entry["output"]).read_text(encoding="utf-8")))
            elif entry.get("error_code"):
                errors.append(
                    {"source_file": path, "error": entry["error_code"], "message": entry.get("message") or ""}
                )
    else:
        for path in sorted(docs.glob("*.json")):
            results.append(PlanResult.model_validate_json(path.read_text(encoding="utf-8")))
    results.sort(key=lambda r: (r.doc_id, r.source or ""))
    return results, errors


def prepare_profile(path: Path, out: Path) -> Path:
    """The profile file to audit with: `path` itself if it is a profile, else one built from it.

    Raises ValueError (a usage error) for a file that is neither.
    """
    from pipeline.audit.profiles import build_profile, load_profile

    suffix = path.suffix.lower()
    if suffix == ".json":
        load_profile(path)  # fail now, with the field's name, rather than halfway through the audit
        return path
    if suffix not in SUPPORTED_SUFFIXES:
        raise ValueError(say("audit.profile_kind"))
    from pipeline.process import process_file

    profile = build_profile(process_file(path))
    name = re.sub(r"[^\w.-]+", "_", profile.id, flags=re.UNICODE).strip("_") or path.stem
    target = out / PROFILES_DIR / f"{name}.json"
    write_atomic(target, json.dumps(profile.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    built = say(
        "audit.profile_built",
        directive=profile.id,
        path=path,
        targets=len(profile.targets),
        phases=len(profile.phases),
        target=target,
    )
    print(f"kehoach audit: {built}", file=sys.stderr)
    return target


def known_directive(against: str, extra: list[Path]) -> str | None:
    """None when `against` names a directive with a profile (or is "auto"), else the message saying which exist."""
    if against == "auto":
        return None
    from extractors.registry import number_key
    from pipeline.audit.profiles import load_profiles

    profiles = load_profiles(None, extra)
    if number_key(against) in profiles:
        return None
    known = ", ".join(sorted(p.id for p in profiles.values())) or say("audit.no_profiles")
    return say("audit.unknown_directive", against=against, known=known)


def print_report_summary(report: AuditReport, paths: list[Path]) -> None:
    severity = Counter(f.severity for plan in report.plans for f in plan.findings)
    html = next((p for p in paths if p.name == REPORT_HTML), paths[-1])
    line = say(
        "audit.summary_line",
        plans=len({plan.doc_id for plan in report.plans}),
        files=len(report.plans),
        matrices=len(report.matrices),
        problems=severity["problem"],
        warnings=severity["warning"],
        notes=severity["info"],
        errors=say("audit.summary_errors", n=len(report.errors)) if report.errors else "",
        path=html,
    )
    print(f"kehoach audit: {line}", file=sys.stderr)


def audit_command(args) -> int:
    from_run = getattr(args, "from_run", None)
    if not args.paths and not from_run:
        print(f"kehoach audit: {say('audit.paths_or_from')}", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"kehoach audit: {say('audit.no_such_path', paths=', '.join(missing))}", file=sys.stderr)
        return 2
    out = Path(args.out)
    extra: list[Path] = []
    if getattr(args, "profile", None):
        profile = Path(args.profile)
        if not profile.is_file():
            print(f"kehoach audit: {say('audit.no_such_profile', path=profile)}", file=sys.stderr)
            return 2
        try:
            extra.append(prepare_profile(profile, out))
        except (ValueError, KehoachError) as error:  # pydantic's ValidationError is a ValueError
            first_lines = "\n".join(str(error).splitlines()[:5])  # a pydantic error names the field first
            print(f"kehoach audit: --profile {profile}: {first_lines}", file=sys.stderr)
            return 2
    problem = known_directive(args.against, extra)
    if problem:
        print(f"kehoach audit: {problem}", file=sys.stderr)
        return 2

    from pipeline.audit.engine import audit

    if from_run:
        try:
            results, errors = load_run(Path(from_run))
        except ValueError as error:
            print(f"kehoach audit: --from {from_run}: {error}", file=sys.stderr)
            return 2
    else:
        progress = not getattr(args, "no_progress", False)
        summary = run_batch(args.paths, out / RUN_DIR, progress=progress, formats=["json"])
        results, errors = load_results(out / RUN_DIR, summary)
    if not results:
        reason = say("audit.nothing_every_failed" if errors else "audit.nothing_found")
        print(f"kehoach audit: {reason}", file=sys.stderr)
        for error in errors:
            print(say("audit.failed_file", path=error["source_file"], message=error["message"]), file=sys.stderr)
        return 1
    report = audit(results, against=args.against, extra_profiles=extra or None)
    report.errors[:0] = errors
    paths = write_report(report, out, results)
    print_report_summary(report, paths)
    return 0
