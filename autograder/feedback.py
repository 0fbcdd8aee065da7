"""Per-student feedback pages: scores, the targeted messages, the late note."""

from __future__ import annotations

import html
from pathlib import Path

from .grade import SubmissionResult

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .4rem; text-align: left; vertical-align: top; }}
.pass {{ color: #176f2c; }} .fail {{ color: #a31515; }} .note {{ background: #fff6d6; padding: .5rem; }}
</style></head><body>
<h1>{title}</h1>
<p><strong>{score}</strong> of {max_score:g} points{penalty}</p>
{late}{error}
<table><tr><th>exercise</th><th>check</th><th>points</th><th>feedback</th></tr>
{rows}
</table>
{figures}</body></html>
"""


def render(
    result: SubmissionResult,
    student: str,
    lesson_title: str,
    late_note: str = "",
    figures: list[tuple[str, bytes]] = (),
) -> str:
    rows = []
    for check in result.checks:
        kind = "pass" if check.passed else "fail"
        what = "passed" if check.passed else html.escape(check.student_message)
        name = check.check + (" (hidden)" if check.hidden else "")
        rows.append(
            f'<tr class="{kind}"><td>{html.escape(check.exercise)}</td>'
            f"<td>{html.escape(name)}</td><td>{check.points:.2f} / {check.max_points:.2f}</td>"
            f"<td>{what}</td></tr>"
        )
    penalty = f", minus {result.penalty:.2f} for lateness" if result.penalty else ""
    return PAGE.format(
        title=html.escape(f"{lesson_title}: feedback for {student}"),
        score=f"{result.score - result.penalty:.2f}",
        max_score=result.max_score,
        penalty=penalty,
        late=f'<p class="note">{html.escape(late_note)}</p>' if late_note else "",
        error=f'<p class="note">{html.escape(result.error)}</p>'
        if result.error
        else "",
        rows="\n".join(rows),
        figures=_figures(figures),
    )


def _figures(figures) -> str:
    from .figures import as_data_uri

    if not figures:
        return ""
    items = [
        f'<figure><img alt="{html.escape(title)}" src="{as_data_uri(png)}">'
        f"<figcaption>{html.escape(title)}</figcaption></figure>"
        for title, png in figures
    ]
    return "<h2>Your results</h2>\n" + "\n".join(items) + "\n"


def write(path: Path, page: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    return path
