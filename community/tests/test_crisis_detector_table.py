"""The detector against its own table: every crisis and overdose statement found,
no ordinary sentence raised (safety.md section 5).

The report names every miss and every false alarm with the row's note, and the
recall per kind, so a failing run says exactly what to look at.
"""

from collections import Counter

from community.crisis import Kind, detect
from community.tests.crisis_table import CRISIS, NONE, OVERDOSE, ROWS


def _report(rows):
    found = Counter()
    wanted = Counter()
    problems = []
    for text, kind, note in rows:
        detection = detect(text)
        wanted[kind] += 1
        if detection.kind == Kind(kind):
            found[kind] += 1
        else:
            problems.append(
                f"{kind} read as {detection.kind}: {text!r} ({note})"
                + (f", matched {detection.phrase!r}" if detection.phrase else "")
            )
    recall = {
        kind: f"{found[kind]}/{wanted[kind]}" for kind in (CRISIS, OVERDOSE, NONE)
    }
    return recall, problems


def test_the_table_is_big_enough_and_each_row_says_why():
    kinds = Counter(kind for _text, kind, _note in ROWS)
    assert len(ROWS) >= 300
    assert min(kinds[CRISIS], kinds[OVERDOSE], kinds[NONE]) >= 60
    assert all(note.strip() for _text, _kind, note in ROWS)
    assert len({text for text, _kind, _note in ROWS}) == len(ROWS)


def test_every_crisis_and_overdose_statement_is_found_and_nothing_else():
    recall, problems = _report(ROWS)
    assert problems == [], f"recall per kind: {recall}\n" + "\n".join(problems)
    for kind in (CRISIS, OVERDOSE, NONE):
        found, wanted = recall[kind].split("/")
        assert found == wanted


def test_the_report_names_misses_and_false_alarms():
    recall, problems = _report(
        [
            ("I want to die", NONE, "a deliberate false alarm"),
            ("the weather is nice", CRISIS, "a deliberate miss"),
        ]
    )
    assert recall == {CRISIS: "0/1", OVERDOSE: "0/0", NONE: "0/1"}
    assert problems == [
        "none read as crisis: 'I want to die' (a deliberate false alarm), "
        "matched 'want to die'",
        "crisis read as none: 'the weather is nice' (a deliberate miss)",
    ]
