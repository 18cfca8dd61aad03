#!/bin/sh
# Makes the two example organisation assessments in examples/ with the supplycheck binary:
#   acme-2026.json   Acme Ltd's 2026 review (the example board pack)
#   acme-2025.json   the same company a year earlier: a weaker, less complete picture
# Both start from the same reviews answered on version 1.0.0 of the three organisation
# built-ins (tests/fixtures/acme-2026-v1.json and acme-2025-v1.json), are moved to the current
# versions with `supplycheck upgrade`, and the items those versions added are then answered.
# Run from the repository's top folder: sh examples/make-acme.sh
# The binary is $SUPPLYCHECK when set, else `cargo run --quiet --`. The assessments are made
# in a temporary data directory, then copied here with their times fixed, so that the files
# do not change from one run to the next.
set -eu

if [ -n "${SUPPLYCHECK:-}" ]; then
    sc() { "$SUPPLYCHECK" "$@"; }
else
    sc() { cargo run --quiet -- "$@"; }
fi

BASE=$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures
SUPPLYCHECK_DATA_DIR=$(mktemp -d)
export SUPPLYCHECK_DATA_DIR
trap 'rm -rf "$SUPPLYCHECK_DATA_DIR"' EXIT
mkdir "$SUPPLYCHECK_DATA_DIR/assessments"

# upgraded ID : the 1.0.0 review, moved to the current built-ins.
upgraded() {
    cp "$BASE/$1-v1.json" "$SUPPLYCHECK_DATA_DIR/assessments/$1.json"
    if ! said=$(sc upgrade "$1" 2>&1); then
        echo "$said" >&2
        exit 1
    fi
}

# ans ID ITEM VALUE [OPTIONS] : answers an item; says what went wrong if it fails.
ans() {
    if ! said=$(sc answer "$@" 2>&1); then
        echo "$said" >&2
        exit 1
    fi
}

# keep ID CREATED UPDATED : copies the assessment into examples/ with fixed times.
keep() {
    sed -e "s/^  \"created\": \".*\",\$/  \"created\": \"$2\",/" \
        -e "s/^  \"updated\": \".*\",\$/  \"updated\": \"$3\",/" \
        "$SUPPLYCHECK_DATA_DIR/assessments/$1.json" >"examples/$1.json"
}

N=ncsc-board
C=cfcs-phases
E=cert-exd

# 2026: a mid-sized company a year into a supplier security programme. The board asks the
# right questions and much is in place; measurement, exercising and sub-suppliers lag.
A=acme-2026
upgraded $A
ans $A $N/board-decisions evidence --owner executives --note "A standing item in board papers on acquisitions since March 2026."
ans $A $N/trust-in-relationships evidence
ans $A $N/board-decision-papers evidence --owner executives --evidence "Board paper template v3, March 2026"
ans $A $N/trust-oversight evidence --owner executives
ans $A $N/trust-measured no --flag --owner security-coordinator --due 2027-06-30 --status open
ans $A $N/board-learns evidence
ans $A $N/assurance-methods evidence --note "ISO 27001 certificates and SOC 2 reports; no testing of our own."
ans $A $N/compromise-terms believe --owner legal
ans $A $N/supply-chain-review evidence
ans $A $N/supplier-breach-exercised dont-know --note "The 2025 exercise may have covered the hosting provider; nobody has the report."
ans $A $N/supplier-access-known evidence --owner it-manager
ans $A $N/sharing-controls evidence --owner dpo
ans $A $N/access-standard believe --owner it-manager --due 2027-03-31 --status in-progress
ans $A $N/sharing-audit-reviewed evidence
ans $A $N/decision-process-consistent dont-know
ans $A $N/breach-response-rehearsed evidence --evidence "Tabletop exercise report, June 2026"
ans $A $N/customer-requirements-tracked evidence --owner legal --note "Sales keeps the list; legal owns the answers to customers."
ans $A $N/risk-appetite-described evidence
ans $A $N/security-price-described evidence
ans $A $N/opportunities-described evidence
ans $A $N/overseas-stance-described reviewed
ans $A $N/strategy-revised no --owner executives --due 2027-05-31 --status open
ans $A $C/planning-method largely
ans $A $C/catalogue-provisions it-operations,security,personal-data,control
ans $A $C/mandated-suppliers largely --note "The payroll bureau the pension fund requires."
ans $A $C/contract-consistency largely --owner legal
ans $A $C/crisis-communication-tested partial --owner security-coordinator --due 2027-02-28 --status open
ans $A $C/supplier-evidence reports,statements,isms-documents
ans $A $C/oversight-third-party decided
ans $A $C/risk-roles-agreed largely --owner contract-manager
ans $A $C/oversight-warning-signs supplier-risk-management,delivery-problems,non-compliance,unenforced-terms,dependence
ans $A $C/exit-standard largely --owner contract-manager
ans $A $C/exit-records-current dont-know
ans $A $C/operating-model largely
ans $A $C/sub-supplier-assurance not --flag --owner security-coordinator
ans $A $E/dependency-register largely --owner system-owner --evidence "Supplier register, October 2026"
ans $A $E/shared-dependency-view largely
ans $A $E/ranking-improved largely
ans $A $E/risk-mitigation largely --owner security-coordinator
ans $A $E/mitigation-effectiveness largely
ans $A $E/baseline-improved largely
ans $A $E/stress-terms partial --owner contract-manager --due 2027-03-31 --status open
ans $A $E/priority-audits largely
ans $A $E/monitoring-by-priority largely
ans $A $E/procedure-organisation-wide largely
ans $A $E/performance-trends not
ans $A $E/senior-management-review largely --owner executives
ans $A $E/process-institutionalised largely
ans $A $E/process-under-stress largely
# What improved since 2025 among the earlier questions.
ans $A $N/security-culture evidence
ans $A $N/breach-response-customers evidence
ans $A $C/adjustable-security largely
ans $A $C/multi-sourcing-strategy largely
ans $A $C/consistent-selection largely
ans $A $C/continuous-risk-assessment largely
ans $A $C/exit-oversight largely
ans $A $E/residual-risk largely
keep $A 2026-11-02T09:00:00Z 2026-11-19T16:45:12Z

# 2025: the same company a year earlier. Some of the newer questions had no answer yet, and
# several answers were weaker.
A=acme-2025
upgraded $A
ans $A $N/board-decisions evidence
ans $A $N/trust-in-relationships evidence
ans $A $N/board-decision-papers no
ans $A $N/trust-oversight evidence
ans $A $N/breach-response-customers evidence
ans $A $N/board-learns evidence
ans $A $N/assurance-methods evidence
ans $A $N/compromise-terms evidence --owner legal
ans $A $N/supply-chain-review no
ans $A $N/supplier-access-known evidence
ans $A $N/sharing-controls evidence
ans $A $N/access-standard no
ans $A $N/sharing-audit-reviewed evidence
ans $A $N/breach-response-rehearsed evidence
ans $A $N/risk-appetite-described evidence
ans $A $N/security-price-described evidence
ans $A $N/opportunities-described evidence
ans $A $N/overseas-stance-described evidence
ans $A $N/strategy-revised no
ans $A $C/planning-method largely
ans $A $C/catalogue-provisions it-operations,security,personal-data,control
ans $A $C/mandated-suppliers largely
ans $A $C/contract-consistency largely
ans $A $C/supplier-evidence reports,statements,isms-documents
ans $A $C/oversight-third-party decided
ans $A $C/risk-roles-agreed largely
ans $A $C/oversight-warning-signs supplier-risk-management,delivery-problems,non-compliance,unenforced-terms,dependence
ans $A $C/exit-standard not
ans $A $C/operating-model largely
ans $A $C/sub-supplier-assurance not
ans $A $C/adjustable-security largely
ans $A $C/multi-sourcing-strategy largely
ans $A $C/continuous-risk-assessment largely
ans $A $C/exit-oversight largely
ans $A $E/dependency-register partial
ans $A $E/ranking-improved largely
ans $A $E/risk-mitigation largely
ans $A $E/mitigation-effectiveness largely
ans $A $E/baseline-improved largely
ans $A $E/stress-terms not
ans $A $E/priority-audits largely
ans $A $E/monitoring-by-priority largely
ans $A $E/procedure-organisation-wide largely
ans $A $E/senior-management-review largely
ans $A $E/process-institutionalised largely
ans $A $E/process-under-stress largely
keep $A 2025-11-03T09:00:00Z 2025-11-20T15:30:00Z

echo "Made examples/acme-2026.json and examples/acme-2025.json."
