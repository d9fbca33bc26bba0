#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image
# (https://gradescope-autograders.readthedocs.io/en/latest/specs/). It installs a JDK 17 (the
# grader compiles submissions with javac, so a JRE is not enough), then grades an empty
# submission once: that compiles the reference modules into the grader's cache, so every real
# submission starts warm, and proves the package works before any student submits.
# Everything else the grader needs (its classes and libraries) is in the package: nothing is
# downloaded at grading time.
set -euo pipefail
SOURCE="${MINIK8S_AUTOGRADER_SOURCE:-/autograder/source}"

if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|2[0-9])'; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless
fi
java -version

chmod +x "$SOURCE/run_autograder" /autograder/run_autograder 2>/dev/null || true

# run_autograder starts the test JVMs as this account: it may not enter the package (the reference
# modules and the hidden tests' sources), and cannot signal the grader or write results.json.
if ! id minik8s-student >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin minik8s-student
fi
chmod 700 "$SOURCE"

WARM="$(mktemp -d)"
mkdir -p "$WARM/submission/exercises" "$WARM/results"
MINIK8S_AUTOGRADER_SUBMISSION="$WARM/submission" MINIK8S_AUTOGRADER_RESULTS="$WARM/results" \
  MINIK8S_AUTOGRADER_SOURCE="$SOURCE" bash "$SOURCE/run_autograder" >/dev/null
test -s "$WARM/results/results.json"
rm -rf "$WARM"
echo "minik8s autograder ready: modules @MODULES@"
