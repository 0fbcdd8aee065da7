"""mlcourse: one small function per verb.

Exit codes: 0 done, 1 graded with failures where --strict asks for it,
2 bad input (one line on stderr, no traceback).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(
        _var, "1"
    )  # forked children must not inherit BLAS thread pools

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from .course import Course, Lesson, load_course  # noqa: E402
from .errors import SubmissionError, UserError  # noqa: E402
from .report import print_table  # noqa: E402

LESSON_IN_NOTEBOOK = re.compile(r"make_check\(\s*\\?['\"]([0-9]{2}-[a-z0-9-]+)\\?['\"]")


def _course(args) -> Course:
    return load_course(args.course)


def cmd_list(args) -> int:
    course = _course(args)
    print(
        f"{course.title} ({course.id}): {len(course.lessons)} lessons, {course.points:g} points"
    )
    for lesson in course.lessons:
        names = ", ".join(f"{e.name} [{e.points:g}]" for e in lesson.exercises)
        print(f"  {lesson.id:28s} {lesson.points:4g} pts  {names}")
    return 0


def cmd_validate(args) -> int:
    from .validate import validate_lesson

    course = _course(args)
    lessons = (
        [course.lesson(k) for k in args.lessons]
        if args.lessons
        else list(course.lessons)
    )
    for lesson in lessons:
        validate_lesson(lesson)
        print(f"ok  {lesson.id}")
    return 0


def cmd_release(args) -> int:
    from .release import release

    course = _course(args)
    lessons = (
        [course.lesson(k) for k in args.lessons]
        if args.lessons
        else list(course.lessons)
    )
    for folder in release(course, lessons, Path(args.root) if args.root else None):
        print(f"released {folder}")
    return 0


def cmd_solve(args) -> int:
    import nbformat

    from .solve import solved_notebook

    lesson = _course(args).lesson(args.lesson)
    output = Path(args.output or f"{lesson.module}_solved.ipynb")
    nb = solved_notebook(lesson)
    if output.suffix == ".py":
        import jupytext

        jupytext.write(nb, output, fmt="py:percent")
    else:
        nbformat.write(nb, output)
    print(f"wrote {output}")
    return 0


def lesson_of_notebook(course: Course, path: Path) -> Lesson:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UserError(f"{path}: cannot read it ({exc.strerror})") from None
    match = LESSON_IN_NOTEBOOK.search(text)
    if not match:
        raise UserError(f"{path}: cannot tell which lesson this is; add --lesson NN")
    return course.lesson(match.group(1))


def submissions(lesson: Lesson, paths: list[str]) -> list[Path]:
    """Files as given; folders (an nbgrader submitted/ tree) searched for notebooks."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            hits = sorted(path.rglob(f"{lesson.module}.ipynb")) or sorted(
                p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
            )
            hits = [p for p in hits if lesson.id in p.parts] or hits
            if not hits:
                raise UserError(f"{path}: no notebook of {lesson.id} in this folder")
            found += hits
        elif path.exists():
            found.append(path)
        else:
            raise UserError(f"{path}: no such file or folder")
    return found


def _grade(args, course: Course, lesson: Lesson, paths: list[Path], hidden: bool):
    from .grade import Grader

    with Grader(
        course, jobs=args.jobs, torch=lesson.uses_torch or args.torch
    ) as grader:
        return list(grader.grade_many(lesson, paths, hidden=hidden))


def cmd_grade(args) -> int:
    from .batch import grade_class, student_of
    from .grade import Grader
    from .gradebook import GradeStore

    course = _course(args)
    lesson = course.lesson(args.lesson)
    paths = submissions(lesson, args.files)
    torch = lesson.uses_torch or args.torch
    with Grader(course, jobs=args.jobs, torch=torch) as grader:
        in_tree = any(
            student_of(p, lesson) for p in paths
        )  # files of no tree: nothing to store
        store = (
            GradeStore(course, args.db) if in_tree and not args.no_gradebook else None
        )
        try:
            entries = grade_class(
                grader,
                lesson,
                paths,
                store,
                force=args.force,
                feedback_root=course.root / "feedback" if store else None,
                progress=not args.json and sys.stderr.isatty(),
            )
        finally:
            if store:
                store.close()
    results = [e.result for e in entries if e.result is not None]
    unchanged = [e for e in entries if e.result is None]
    if args.json:
        print(json.dumps([r.to_json() for r in results], indent=2))
    else:
        if results:
            print_table(results)
        if unchanged:
            print(
                f"{len(unchanged)} unchanged since the last run (use --force to regrade)"
            )
    if args.strict and any(r.score < r.max_score for r in results):
        return 1
    return 0


def cmd_check(args) -> int:
    course = _course(args)
    path = Path(args.notebook)
    lesson = (
        course.lesson(args.lesson) if args.lesson else lesson_of_notebook(course, path)
    )
    (result,) = _grade(args, course, lesson, [path], hidden=False)
    if result.error:
        raise UserError(result.error)
    by_exercise: dict[str, list] = {}
    for check in result.checks:
        by_exercise.setdefault(check.exercise, []).append(check)
    for exercise, checks in by_exercise.items():
        failed = [c for c in checks if not c.passed]
        print(
            f"✗ {exercise}: {failed[0].message}"
            if failed
            else f"✓ {exercise}: visible checks passed"
        )
    return 1 if result.failures else 0


EXPORTS = ("canvas", "moodle", "blackboard", "gradescope", "nbgrader")


def cmd_export(args) -> int:
    import importlib

    from .gradebook import export_view

    course = _course(args)
    excused = set()
    for item in args.excused:
        student, _, lesson = item.partition(":")
        if not lesson:
            raise UserError(f"--excused {item!r}: write STUDENT:LESSON, e.g. alice:02")
        excused.add((student, course.lesson(lesson).id))
    view = export_view(
        course, args.db, Path(args.roster) if args.roster else None, excused
    )
    module = importlib.import_module(f".export.{args.to}", __package__)
    options = (
        {"key": args.moodle_key, "feedback": args.feedback}
        if args.to == "moodle"
        else {}
    )
    if args.to == "gradescope":
        folder = Path(args.output or "gradescope-results")
        warnings = module.write_gradebook(view, folder)
        print(f"wrote {folder}/<student>/<lesson>/results.json")
    else:
        output = Path(args.output or f"grades-{args.to}.csv")
        with open(output, "w", newline="", encoding="utf-8") as handle:
            warnings = module.write(view, handle, **options)
        print(f"wrote {output}")
    for line in warnings:
        print(line, file=sys.stderr)
    return 0


def cmd_gradescope_bundle(args) -> int:
    from .gradescope import build_bundle

    course = _course(args)
    lesson = course.lesson(args.lesson)
    output = Path(args.output or f"{lesson.id}-gradescope.zip")
    print(f"wrote {build_bundle(course, lesson, output)}")
    return 0


def cmd_feedback(args) -> int:
    from .feedback import render, write
    from .grade import Grader
    from .notebook import read_notebook

    course = _course(args)
    path = Path(args.notebook)
    lesson = (
        course.lesson(args.lesson) if args.lesson else lesson_of_notebook(course, path)
    )
    with Grader(course, torch=lesson.uses_torch) as grader:
        result = grader.grade_file(lesson, path)
        figures = [] if result.error else grader.figures(lesson, read_notebook(path))
    output = Path(args.output or path.with_suffix(".feedback.html").name)
    write(output, render(result, args.student or path.stem, lesson.title, "", figures))
    print(f"{result.score:g} / {result.max_score:g}; wrote {output}")
    return 0


def cmd_demo(args) -> int:
    from .demo import run_demo

    return run_demo(_course(args), Path(args.workdir), jobs=args.jobs)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not the usage block
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mlcourse", description="Release, check and grade the course.")
    p.add_argument("--course", help="path of course.yml (default: the repository's)")
    sub = p.add_subparsers(
        dest="verb", required=True, metavar="VERB", parser_class=_Parser
    )

    sub.add_parser("list", help="lessons, exercises and points").set_defaults(
        run=cmd_list
    )
    v = sub.add_parser("validate", help="course.yml and the lesson files agree")
    v.add_argument("lessons", nargs="*", metavar="LESSON")
    v.set_defaults(run=cmd_validate)
    r = sub.add_parser(
        "release", help="student versions with nbgrader, plus visible checks"
    )
    r.add_argument("lessons", nargs="*", metavar="LESSON")
    r.add_argument(
        "--root", help="course folder to release into (default: the repository)"
    )
    r.set_defaults(run=cmd_release)
    s = sub.add_parser(
        "solve", help="a notebook with every stub replaced by the reference"
    )
    s.add_argument("lesson", metavar="NN")
    s.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=".ipynb or .py (default: <module>_solved.ipynb)",
    )
    s.set_defaults(run=cmd_solve)
    for name, helptext, func in (
        ("check", "run a notebook's visible checks outside Jupyter", cmd_check),
        ("grade", "grade submissions in the sandbox", cmd_grade),
    ):
        g = sub.add_parser(name, help=helptext)
        if name == "check":
            g.add_argument("notebook", metavar="NOTEBOOK")
            g.add_argument(
                "--lesson", metavar="NN", help="default: read from the notebook"
            )
        else:
            g.add_argument("--lesson", metavar="NN", required=True)
            g.add_argument(
                "files",
                nargs="+",
                metavar="FILE",
                help=".ipynb, .py or a submitted/ folder",
            )
            g.add_argument(
                "--json", action="store_true", help="one JSON array on stdout"
            )
            g.add_argument(
                "--strict",
                action="store_true",
                help="exit 1 unless every score is full",
            )
            g.add_argument(
                "--db", metavar="URL", help="gradebook (default: gradebook.db)"
            )
            g.add_argument("--no-gradebook", action="store_true", help="store nothing")
            g.add_argument(
                "--force", action="store_true", help="regrade unchanged ones"
            )
        g.add_argument(
            "--jobs", "-j", type=int, default=1, help="submissions graded at once"
        )
        g.add_argument(
            "--torch", action="store_true", help="preload torch for a numpy lesson"
        )
        g.set_defaults(run=func)
    f = sub.add_parser("feedback", help="a feedback page for one submission")
    f.add_argument("notebook", metavar="NOTEBOOK")
    f.add_argument("--lesson", metavar="NN", help="default: read from the notebook")
    f.add_argument("--student", help="name shown on the page (default: the file name)")
    f.add_argument(
        "--output", "-o", metavar="FILE", help="default: <notebook>.feedback.html"
    )
    f.set_defaults(run=cmd_feedback)
    e = sub.add_parser("export", help="grades for an LMS, from the gradebook")
    e.add_argument("--to", required=True, choices=EXPORTS)
    e.add_argument("--db", metavar="URL", help="gradebook (default: gradebook.db)")
    e.add_argument("--roster", metavar="CSV", help="id, names, email, SIS ids, section")
    e.add_argument("--output", "-o", metavar="FILE")
    e.add_argument("--excused", action="append", default=[], metavar="STUDENT:LESSON")
    e.add_argument("--moodle-key", choices=("email", "idnumber"), default="email")
    e.add_argument("--feedback", action="store_true", help="Moodle: a feedback column")
    e.set_defaults(run=cmd_export)
    b = sub.add_parser("gradescope-bundle", help="the autograder zip for Gradescope")
    b.add_argument("lesson", metavar="LESSON")
    b.add_argument(
        "--output", "-o", metavar="FILE", help="default: <lesson>-gradescope.zip"
    )
    b.set_defaults(run=cmd_gradescope_bundle)
    d = sub.add_parser(
        "demo", help="release, grade three samples per lesson, print the table"
    )
    d.add_argument(
        "--workdir",
        default="mlcourse-work",
        help="work folder (default: ./mlcourse-work)",
    )
    d.add_argument("--jobs", "-j", type=int, default=2)
    d.set_defaults(run=cmd_demo)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (UserError, SubmissionError) as exc:
        print(f"mlcourse {args.verb}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mlcourse: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
