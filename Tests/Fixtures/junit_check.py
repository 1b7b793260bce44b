"""Reads a JUnit XML file, checks the elements and attributes the JUnit schema requires, and prints it as JSON.

Usage: junit_check.py FILE. Exits 1 naming the first missing element or attribute.
Required (the common JUnit XSD): testsuites > testsuite with name, tests, failures; testcase with name and classname;
failure with message. The counts must agree with the test cases.
"""
import json
import sys
import xml.etree.ElementTree as ET


def need(element, names):
    for name in names:
        if element.get(name) is None:
            sys.exit(f"<{element.tag}> lacks the attribute '{name}'")


root = ET.parse(sys.argv[1]).getroot()
if root.tag != "testsuites":
    sys.exit(f"the root is <{root.tag}>, not <testsuites>")
need(root, ["tests", "failures"])
suites = []
for suite in root:
    if suite.tag != "testsuite":
        sys.exit(f"<{suite.tag}> inside <testsuites>")
    need(suite, ["name", "tests", "failures"])
    cases = []
    for case in suite:
        if case.tag != "testcase":
            sys.exit(f"<{case.tag}> inside <testsuite>")
        need(case, ["name", "classname"])
        failures = [child for child in case if child.tag == "failure"]
        for failure in failures:
            need(failure, ["message"])
        cases.append({"name": case.get("name"), "classname": case.get("classname"),
                      "failure": failures[0].get("message") if failures else None})
    if int(suite.get("tests")) != len(cases):
        sys.exit(f"suite {suite.get('name')}: tests={suite.get('tests')} but {len(cases)} test cases")
    if int(suite.get("failures")) != sum(1 for c in cases if c["failure"] is not None):
        sys.exit(f"suite {suite.get('name')}: failures={suite.get('failures')} disagrees with its test cases")
    suites.append({"name": suite.get("name"), "tests": int(suite.get("tests")),
                   "failures": int(suite.get("failures")), "cases": cases})
if int(root.get("tests")) != sum(s["tests"] for s in suites):
    sys.exit("testsuites tests= disagrees with its suites")
print(json.dumps({"tests": int(root.get("tests")), "failures": int(root.get("failures")), "suites": suites}))
