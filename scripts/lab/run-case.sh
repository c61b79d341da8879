# shellcheck shell=bash
# Runs one case: reset the per-case state, break and capture (the case's function), diagnose the
# capture with the built CLI while the host is still broken, then put everything back. One line
# per case goes to $LAB_RUN/cases.tsv for report.ts.

CASE_ID='' OUT='' CASE_ERROR='' CASE_SKIP=''

skip() { CASE_SKIP=$1; }

run_case() {
	local id=$1 fn=${CASE_FN[$1]} t0 secs outcome
	CASE_ID=$id OUT=$LAB_RUN/logs/$id.log CASE_ERROR='' CASE_SKIP='' DAEMON_RC=''
	CASE_ENV=() CASE_UNSET=() CASE_AS=user
	: >"$OUT"
	t0=$(date +%s%N)
	log "case $id"
	"$fn"
	if [[ -z $CASE_SKIP && -z $CASE_ERROR ]]; then
		if [[ ! -s $OUT ]]; then
			CASE_ERROR="the broken command printed nothing"
		else
			diagnose "$id"
		fi
	fi
	restore_case
	restore_daemons_only
	healthy_or_die "$id"
	secs=$((($(date +%s%N) - t0) / 1000000))
	if [[ -n $CASE_SKIP ]]; then
		outcome="skipped: $CASE_SKIP"
	elif [[ -n $CASE_ERROR ]]; then
		outcome="error: $CASE_ERROR"
	else
		outcome=ran
	fi
	[[ $outcome == ran ]] || log "case $id: $outcome"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "${CASE_EXPECT[$id]}" "${CASE_CMD[$id]}" \
		"${CASE_BROKE[$id]}" "${CASE_NOTE[$id]}" "$CASE_AS" "${DAEMON_RC:-}" "$outcome" "$secs" \
		>>"$LAB_RUN/cases.tsv"
}

# A case not run at all (the lab's time budget is spent).
record_not_run() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "${CASE_EXPECT[$1]}" "${CASE_CMD[$1]}" \
		"${CASE_BROKE[$1]}" "${CASE_NOTE[$1]}" user '' "skipped: $2" 0 >>"$LAB_RUN/cases.tsv"
}

# The CLI as the same identity and environment that produced the output, with probes on.
diagnose() {
	local id=$1 d=$LAB_RUN/diag
	(as_case_exec /usr/bin/node "$LAB_CLI" --json) <"$OUT" >"$d/$id.jsonl" 2>"$d/$id.stderr"
	echo $? >"$d/$id.rc"
	(as_case_exec /usr/bin/node "$LAB_CLI" check --json) </dev/null >"$d/$id.check.json" 2>>"$d/$id.stderr"
}

# After each case the host must be back to the working state; a case that cannot be undone
# would spoil every later one, so the lab stops there.
healthy_or_die() {
	local f problems=()
	for f in /etc/subuid /etc/subgid; do
		[[ $(grep -c "^$LAB_USER:.*:65536$" "$f") == 1 ]] || problems+=("$f")
	done
	[[ -u /usr/bin/newuidmap && -u /usr/bin/newgidmap ]] || problems+=("newuidmap/newgidmap setuid")
	[[ $(stat -c %a "$LAB_XDG") == 700 ]] || problems+=("$LAB_XDG mode")
	[[ $(stat -c %a /dev/net/tun) == 666 ]] || problems+=("/dev/net/tun mode")
	[[ -e $LAB_HOME/.config/docker/daemon.json ]] && problems+=("daemon.json left")
	[[ -e /run/docker.sock && -z ${RUN_DOCKER_SOCK_BEFORE:-} ]] && problems+=("/run/docker.sock left")
	[[ -n $(lab_user_procs) ]] && problems+=("processes of $LAB_USER left: $(lab_user_procs | tr '\n' ' ')")
	((${#problems[@]} == 0)) || die "after case $1 the host is not restored: ${problems[*]}"
}
