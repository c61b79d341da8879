#!/usr/bin/env bash
# The rootless lab (issue 13 item 8): breaks a real rootless Docker setup one thing at a time,
# captures what it prints, and checks what rootless-doctor makes of it.
#
#   sudo npm run lab [-- CASE-ID...]     (as root; all cases when none is named)
#
# Exit status: 0 when every case ran (whatever the tool answered), 1 when a case could not
# run, 2 when the lab could not set up or restore the host.
set -uo pipefail

LAB_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$LAB_SRC/../.." && pwd)
source "$LAB_SRC/lib.sh"
source "$LAB_SRC/setup.sh"
source "$LAB_SRC/baseline.sh"
source "$LAB_SRC/cases.sh"
source "$LAB_SRC/run-case.sh"

[[ $(id -u) == 0 ]] || die "run the lab as root (it installs packages, edits /etc/subuid, bind-mounts /dev/net/tun)"

selected=("$@")
for id in "${selected[@]}"; do
	[[ -n ${CASE_FN[$id]:-} ]] || die "no case $id (cases: ${LAB_CASES[*]})"
done
((${#selected[@]})) || selected=("${LAB_CASES[@]}")

T_START=$(date +%s)
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	restore_case
	stop_all_pids
	[[ -n $LAB_UID ]] && sweep_user_procs
	restore_lab
	[[ -n $LAB_XDG ]] && clean_runtime_dir
	log "host restored ($(($(date +%s) - T_START)) s in all)"
	exit "$rc"
}
trap cleanup EXIT
trap 'log interrupted; exit 2' INT TERM

rm -rf "$LAB_RUN"
mkdir -p "$LAB_RUN"/{logs,backup,daemon,diag,shim}
chmod 0755 "$LAB_RUN" "$LAB_RUN/logs"
[[ -e /run/docker.sock ]] && RUN_DOCKER_SOCK_BEFORE=1

lab_install_packages
lab_create_user
[[ -z $(ps -o pid= -u "$LAB_USER") ]] ||
	die "processes of $LAB_USER are running that this run did not start: $(ps -o pid= -u "$LAB_USER" | tr '\n' ' ')"
lab_repair_leftovers
lab_tun
lab_rootfs
lab_snapshot_cli "$REPO"
lab_reset_user_state
lab_baseline

for id in "${LAB_CASES[@]}"; do
	printf '%s\t%s\t%s\t%s\t%s\n' "$id" "${CASE_EXPECT[$id]}" "${CASE_CMD[$id]}" "${CASE_BROKE[$id]}" \
		"${CASE_NOTE[$id]}" >>"$LAB_RUN/all-cases.tsv"
done
LAB_BUDGET=${LAB_BUDGET:-540} # seconds: cases not started by then are skipped (10 minutes in all)
for id in "${selected[@]}"; do
	if (($(date +%s) - T_START > LAB_BUDGET)); then
		record_not_run "$id" "time budget of ${LAB_BUDGET}s spent"
		continue
	fi
	run_case "$id"
done

restore_case
restore_daemons_only
restore_lab
log "cases done in $(($(date +%s) - T_START)) s"
"$REPO/node_modules/.bin/tsx" "$LAB_SRC/report.ts" "$LAB_RUN" "$REPO/test/fixtures/lab"
