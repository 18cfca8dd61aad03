#!/bin/sh
# Makes the three example supplier assessments in examples/ with the supplycheck binary:
#   supplier-payroll-co.json   (critical)
#   supplier-hosting-ltd.json  (high)
#   supplier-print-shop.json   (low)
# Run from the repository's top folder: sh examples/make-suppliers.sh
# The binary is $SUPPLYCHECK when set, else `cargo run --quiet --`. The assessments are made
# in a temporary data directory, then copied here with fixed times so that the files (and
# the portfolio's stale reviews) do not change from one run to the next.
set -eu

if [ -n "${SUPPLYCHECK:-}" ]; then
    sc() { "$SUPPLYCHECK" "$@"; }
else
    sc() { cargo run --quiet -- "$@"; }
fi

SUPPLYCHECK_DATA_DIR=$(mktemp -d)
export SUPPLYCHECK_DATA_DIR
trap 'rm -rf "$SUPPLYCHECK_DATA_DIR"' EXIT
R=supplier-review

# new NAME TIER SERVICE... : creates the assessment and prints its id.
new() {
    name=$1
    tier=$2
    shift 2
    set -- --name "$name review" --org "Acme Ltd" --respondent "Supplier manager" \
        --supplier "$name" --tier "$tier" "$@"
    sc new "$@"
}

# ans ID ITEM VALUE [OPTIONS] : answers an item; says what went wrong if it fails.
ans() {
    if ! said=$(sc answer "$@" 2>&1); then
        echo "$said" >&2
        exit 1
    fi
}

# keep ID FILE CREATED UPDATED : copies the assessment into examples/ with fixed times.
keep() {
    sed -e "s/^  \"created\": \".*\",\$/  \"created\": \"$3\",/" \
        -e "s/^  \"updated\": \".*\",\$/  \"updated\": \"$4\",/" \
        "$SUPPLYCHECK_DATA_DIR/assessments/$1.json" >"examples/$2"
}

# Payroll Co: critical, runs payroll and pensions. A managed relationship with gaps in
# exit and sub-suppliers.
P=$(new "Payroll Co" critical --service payroll --service pensions)
ans "$P" $R/services-dependent fully --note "Payroll for 1,200 staff and the pension scheme's monthly contributions."
ans "$P" $R/tier-recorded fully --owner contract-manager
ans "$P" $R/tier-factors high-value-services,information,critical-systems,data-location,access-rights,contract-value
ans "$P" $R/stress-role largely --note "Named in the continuity plan; payday is the one date that cannot move."
ans "$P" $R/tier-reviewed largely
ans "$P" $R/lock-in-assessed partial --owner executives --note "Switching would take two payroll cycles; no costed alternative yet."
ans "$P" $R/data-held listed --note "Names, bank details, salaries, tax codes, pension data."
ans "$P" $R/reach-recorded read-data,change-data,systems,holders
ans "$P" $R/access-controlled fully --owner system-owner
ans "$P" $R/access-removed largely
ans "$P" $R/data-location fully --note "UK and Ireland only, written into schedule 4."
ans "$P" $R/access-logged largely
ans "$P" $R/access-reviewed partial --owner security-coordinator --flag --due 2027-01-31 --status in-progress --note "Quarterly review agreed; the first one is running late."
ans "$P" $R/requirements-in-contract fully --evidence "Master services agreement 2024, schedule 3"
ans "$P" $R/notification-duty fully --note "24 hours for a personal-data breach."
ans "$P" $R/security-areas law,isms,roles,dpa,training,vetting,nda,transition,access-control,resilience,notify,secure-communication
ans "$P" $R/oversight-terms reporting,audit,key-people,cooperation,documentation,changes,ownership,remedy
ans "$P" $R/effect-based largely
ans "$P" $R/outside-help partial --owner legal
ans "$P" $R/evidence-held fully --evidence "ISO 27001 certificate, valid to 2027-06" --evidence "ISAE 3402 type II report 2025"
ans "$P" $R/evidence-kinds certification,audit-report,pen-test
ans "$P" $R/evidence-reviewed largely --owner security-coordinator
ans "$P" $R/evidence-matched partial --note "The certificate's scope leaves out the pensions platform." --flag --owner security-coordinator --due 2027-02-28 --status open
ans "$P" $R/onsite-audit not --decision "Fund an on-site audit of Payroll Co in 2027 (about 15 000 DKK)." --owner executives --due 2027-03-31 --status open
ans "$P" $R/named-owner fully --owner contract-manager
ans "$P" $R/meetings-held fully --note "Quarterly service reviews, minuted."
ans "$P" $R/reports-checked largely
ans "$P" $R/shortfalls-enforced partial
ans "$P" $R/joint-risk-assessment partial
ans "$P" $R/incidents-recorded fully
ans "$P" $R/changes-watched largely
ans "$P" $R/assume-compromise partial
ans "$P" $R/recovery-tested not --flag --owner it-manager --due 2027-04-30 --status open --note "No joint restore test of the payroll run has been held."
ans "$P" $R/termination-terms continued-service,security-in-transition,asset-list,confidentiality,handover
ans "$P" $R/exit-plan partial --owner contract-manager --due 2027-03-31 --status in-progress
ans "$P" $R/data-return largely
ans "$P" $R/exit-owner largely
ans "$P" $R/exit-tested not --decision "Ask Payroll Co for a tested exit within the 2027 renewal."
ans "$P" $R/sub-suppliers-known largely --note "Hosting Ltd runs their platform."
ans "$P" $R/sub-supplier-approval partial
ans "$P" $R/flow-down dont-know
ans "$P" $R/chain-risk partial
# The board aims for level 2 with its critical suppliers.
sc target "$P" 2 >/dev/null
keep "$P" supplier-payroll-co.json 2026-02-02T09:00:00Z 2026-10-14T15:20:00Z

# Hosting Ltd: high, hosts the payroll and pensions platforms (for Payroll Co) and our
# website and intranet. A good relationship, except for its own sub-suppliers.
H=$(new "Hosting Ltd" high --service payroll --service pensions --service website --service intranet)
ans "$H" $R/services-dependent fully
ans "$H" $R/tier-recorded fully
ans "$H" $R/tier-factors high-value-services,critical-systems,specialised,access-rights,track-record
ans "$H" $R/stress-role fully
ans "$H" $R/tier-reviewed fully --note "Reviewed at the 2025 renewal."
ans "$H" $R/lock-in-assessed largely --note "Containers and backups are portable; DNS moves in a day."
ans "$H" $R/data-held listed --note "Backups of the payroll and pension databases, encrypted with our keys."
ans "$H" $R/reach-recorded read-data,systems,premises,holders
ans "$H" $R/access-controlled fully
ans "$H" $R/access-removed fully
ans "$H" $R/data-location fully
ans "$H" $R/access-logged fully
ans "$H" $R/access-reviewed largely
ans "$H" $R/requirements-in-contract fully
ans "$H" $R/notification-duty fully
ans "$H" $R/security-areas law,isms,roles,dpa,training,vetting,nda,transition,testing,access-control,resilience,notify,secure-communication
ans "$H" $R/oversight-terms reporting,audit,key-people,cooperation,documentation,changes,ownership,remedy,disputes,sanctions
ans "$H" $R/effect-based fully
ans "$H" $R/evidence-held fully --evidence "SOC 2 type II report 2026"
ans "$H" $R/evidence-kinds certification,audit-report,pen-test,own-inspection
ans "$H" $R/evidence-reviewed fully
ans "$H" $R/evidence-matched largely
ans "$H" $R/onsite-audit fully --note "Data-centre visit, May 2026."
ans "$H" $R/named-owner fully --owner it-manager
ans "$H" $R/meetings-held fully
ans "$H" $R/reports-checked fully
ans "$H" $R/shortfalls-enforced largely
ans "$H" $R/joint-risk-assessment largely
ans "$H" $R/incidents-recorded fully
ans "$H" $R/changes-watched fully
ans "$H" $R/assume-compromise largely
ans "$H" $R/recovery-tested fully --evidence "Restore test report, 2026-09"
ans "$H" $R/termination-terms continued-service,security-in-transition,asset-list,asset-procedure,confidentiality,handover
ans "$H" $R/exit-plan fully
ans "$H" $R/data-return fully
ans "$H" $R/exit-owner fully
ans "$H" $R/exit-tested largely
ans "$H" $R/sub-suppliers-known largely --flag --owner it-manager --due 2027-01-15 --status open --note "The colocation provider is known; the network carriers are not."
ans "$H" $R/sub-supplier-approval largely
ans "$H" $R/flow-down partial
ans "$H" $R/chain-risk partial
# Hosting Ltd is to reach level 3 in every area.
sc target "$H" 3 >/dev/null
keep "$H" supplier-hosting-ltd.json 2026-05-11T10:00:00Z 2026-06-30T12:05:00Z

# Print Shop: low, prints payslips and marketing material. Little is asked of a low-tier
# supplier; the basics are partly there, and the review is old.
S=$(new "Print Shop" low --service "printed payslips" --service "marketing print")
ans "$S" $R/services-dependent largely
ans "$S" $R/tier-recorded fully
ans "$S" $R/tier-factors information,contract-value
ans "$S" $R/stress-role na
ans "$S" $R/tier-reviewed not
ans "$S" $R/data-held listed --note "Names, addresses and net pay on the payslips."
ans "$S" $R/reach-recorded read-data
ans "$S" $R/access-controlled partial --note "Files go by e-mail; an SFTP drop is planned." --owner it-manager --due 2027-02-01 --status open
ans "$S" $R/access-removed na
ans "$S" $R/data-location largely
ans "$S" $R/access-logged not
ans "$S" $R/access-reviewed na
ans "$S" $R/requirements-in-contract partial
ans "$S" $R/notification-duty not --flag --owner contract-manager --decision "Add a breach-notification clause to the print contract."
ans "$S" $R/security-areas law,dpa,nda,notify
ans "$S" $R/evidence-held partial
ans "$S" $R/evidence-reviewed not
ans "$S" $R/named-owner fully --owner contract-manager
ans "$S" $R/meetings-held partial
ans "$S" $R/incidents-recorded largely
ans "$S" $R/termination-terms confidentiality,handover
ans "$S" $R/exit-plan not
ans "$S" $R/data-return largely --note "Proofs and files are deleted after 30 days."
ans "$S" $R/sub-suppliers-known fully --note "None: the shop prints in house."
keep "$S" supplier-print-shop.json 2024-03-04T09:00:00Z 2024-03-05T16:40:00Z

echo "Made examples/supplier-payroll-co.json, supplier-hosting-ltd.json and supplier-print-shop.json."
