"""JUnit XML: one test suite per checked file, one failing test case per finding.

A file without findings is one passing test case, so CI dashboards count checked
articles; an input that could not be read is a test case with an `<error>`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimcheck.report.models import Report


def render(report: Report) -> str:
    root = ET.Element("testsuites", name="claimcheck")
    total = failures = errors = 0
    for doc in report.documents:
        suite = ET.SubElement(root, "testsuite", name=doc.path)
        n_fail = 0
        if not doc.findings:
            ET.SubElement(suite, "testcase", classname=doc.path, name="claims are sourced")
        for f in doc.findings:
            case = ET.SubElement(
                suite, "testcase", classname=doc.path, name=f"{f.code} {f.rule} at {f.line}:{f.column}"
            )
            fail = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            fail.text = f"{doc.path}:{f.line}:{f.column}: {f.severity} {f.code} {f.message}"
            n_fail += 1
        tests = max(1, len(doc.findings))
        suite.set("tests", str(tests))
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        total += tests
        failures += n_fail
    if report.errors:
        suite = ET.SubElement(
            root,
            "testsuite",
            name="inputs",
            tests=str(len(report.errors)),
            failures="0",
            errors=str(len(report.errors)),
        )
        for err in report.errors:
            case = ET.SubElement(suite, "testcase", classname=err.path, name="input can be read")
            ET.SubElement(case, "error", message=err.message, type="input")
        total += len(report.errors)
        errors += len(report.errors)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
