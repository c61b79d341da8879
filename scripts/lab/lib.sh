# shellcheck shell=bash
# Shared settings and helpers of the lab: running commands as the lab user, starting and stopping
# the rootless daemon by PID, and the undo stacks that put the host back. Sourced by lab.sh.

LAB_USER=${LAB_USER:-rdlab}
LAB_RUN=${LAB_RUN:-/tmp/rdlab-run}            # logs, CLI snapshot, PATH shims, results
LAB_STATE=/run/rdlab-lab                      # the 0666 tun node and other small state
LAB_CONTRIB=/usr/share/docker.io/contrib      # Debian ships dockerd-rootless.sh here, off PATH
LAB_BASE_PATH=$LAB_CONTRIB:/usr/bin:/bin:/usr/sbin:/sbin
LAB_IMAGE=rdlab/busybox:lab                   # imported from busybox-static, no registry
LAB_DAEMON_WAIT=${LAB_DAEMON_WAIT:-25}        # seconds to wait for a daemon's socket

# Filled in by setup once the user exists.
LAB_UID='' LAB_GID='' LAB_HOME='' LAB_XDG=''

log() { printf '[lab %s] %s\n' "$(date +%T)" "$*" >&2; }
die() {
	log "FATAL: $*"
	exit 2
}

lab_user_ids() {
	LAB_UID=$(id -u "$LAB_USER")
	LAB_GID=$(id -g "$LAB_USER")
	LAB_HOME=$(getent passwd "$LAB_USER" | cut -d: -f6)
	LAB_XDG=/run/user/$LAB_UID
}

# ---------------------------------------------------------------------------------------------
# Undo stacks. Every change is paired with the command that reverts it, pushed right after the
# change succeeds. Case changes are undone after each case, lab changes at the very end; the EXIT
# trap in lab.sh runs both, so an interrupted run still puts everything back.

UNDO_CASE=()
UNDO_LAB=()

undo_case() { UNDO_CASE+=("$1"); }
undo_lab() { UNDO_LAB+=("$1"); }

run_undo_stack() { # NAME of the array
	local -n stack=$1
	local i
	for ((i = ${#stack[@]} - 1; i >= 0; i--)); do
		eval "${stack[i]}" || log "undo failed: ${stack[i]}"
	done
	stack=()
}

restore_case() { run_undo_stack UNDO_CASE; }
restore_lab() { run_undo_stack UNDO_LAB; }

# Keep a byte copy of a file and restore its content (same inode, owner and mode) afterwards.
backup_file_case() {
	local f=$1 b
	b=$LAB_RUN/backup/$(echo "$f" | tr / _).$RANDOM
	cp -p "$f" "$b"
	undo_case "cat '$b' > '$f'"
}

# Change a file's mode for this case; the exact mode is put back afterwards.
chmod_case() {
	local mode=$1 f=$2 old
	old=$(stat -c %a "$f")
	chmod "$mode" "$f"
	undo_case "chmod $old '$f'"
}

# ---------------------------------------------------------------------------------------------
# Running as the lab user. The environment is built from scratch (env -i) like a login would,
# then adjusted per case: CASE_ENV[NAME]=value sets or replaces, CASE_UNSET+=(NAME) removes.

declare -A CASE_ENV=()
CASE_UNSET=()
CASE_AS=user # or root: who runs the case's command and the CLI afterwards

user_env() { # prints NAME=value lines of the lab user's environment for this case
	declare -A e=(
		[HOME]=$LAB_HOME [USER]=$LAB_USER [LOGNAME]=$LAB_USER [SHELL]=/bin/bash [LANG]=C.UTF-8
		[PATH]=$LAB_BASE_PATH [XDG_RUNTIME_DIR]=$LAB_XDG [DOCKER_HOST]=unix://$LAB_XDG/docker.sock
	)
	local k
	for k in "${!CASE_ENV[@]}"; do e[$k]=${CASE_ENV[$k]}; done
	for k in "${CASE_UNSET[@]}"; do unset "e[$k]"; done
	for k in "${!e[@]}"; do printf '%s=%s\n' "$k" "${e[$k]}"; done
}

# Replaces the current (sub)shell with COMMAND run as the lab user: use it as `as_user_exec … &`
# so that $! is the PID of the command itself.
as_user_exec() {
	local -a envv
	mapfile -t envv < <(user_env)
	cd "$LAB_HOME" || exit 1
	exec setpriv --reuid="$LAB_UID" --regid="$LAB_GID" --init-groups env -i "${envv[@]}" "$@"
}

as_user() { (as_user_exec "$@"); }

# Root with the same per-case adjustments (for the cases that run something as root).
as_root_exec() {
	local -a envv
	mapfile -t envv < <(
		CASE_ENV[HOME]=${CASE_ENV[HOME]:-/root}
		CASE_ENV[USER]=root CASE_ENV[LOGNAME]=root
		user_env
	)
	cd / || exit 1
	exec env -i "${envv[@]}" "$@"
}

as_case_exec() { if [[ $CASE_AS == root ]]; then as_root_exec "$@"; else as_user_exec "$@"; fi; }
as_case() { (as_case_exec "$@"); }

# ---------------------------------------------------------------------------------------------
# Processes. The lab ends only what it started: the PIDs it spawned and their descendants,
# listed before the parent is signalled (children of a dead parent are re-parented and would be
# lost), each checked again before a signal so a reused PID is never hit.

LAB_PIDS=()
declare -A LAB_LIVE=() # PIDs spawned and not yet reaped: stop_pid acts on these only

track_pid() {
	LAB_PIDS+=("$1")
	LAB_LIVE[$1]=1
}

descendants() {
	local p c
	for p in "$@"; do
		for c in $(ps -o pid= --ppid "$p" 2>/dev/null); do
			echo "$c"
			descendants "$c"
		done
	done
}

# Start time of a PID (field 22 of /proc/PID/stat): identifies a process across PID reuse.
pid_stamp() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }

# Signal a process only if it is still the one with that start time.
kill_stamped() { # SIGNAL PID STAMP
	[[ -n $3 && $(pid_stamp "$2") == "$3" ]] && kill "-$1" "$2" 2>/dev/null
}

stop_pid() {
	local pid=$1 i d
	[[ -n ${LAB_LIVE[$pid]:-} ]] || return 0
	unset "LAB_LIVE[$pid]"
	if ! kill -0 "$pid" 2>/dev/null; then
		wait "$pid" 2>/dev/null
		return 0
	fi
	local -A stamp=()
	for d in $(descendants "$pid"); do stamp[$d]=$(pid_stamp "$d"); done
	kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < 60; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	if kill -0 "$pid" 2>/dev/null; then
		log "PID $pid ignored SIGTERM for 15 s: SIGKILL"
		kill -KILL "$pid" 2>/dev/null
	fi
	wait "$pid" 2>/dev/null
	for d in "${!stamp[@]}"; do
		[[ -n $(pid_stamp "$d") ]] || continue
		sleep 0.5
		kill_stamped TERM "$d" "${stamp[$d]}" && sleep 0.5
		kill_stamped KILL "$d" "${stamp[$d]}"
	done
	return 0
}

stop_all_pids() {
	local p
	for p in "${LAB_PIDS[@]}"; do stop_pid "$p"; done
	LAB_PIDS=()
}

# Stop the daemons (and listeners) of the current case now, keeping its other changes.
restore_daemons_only() {
	stop_all_pids
	sweep_user_procs
	clean_runtime_dir
}

# Processes of the lab user that this run started and that outlived their parent (a
# containerd-shim lingers for a moment after its daemon): wait a little, then end them by PID.
# Only processes started after the lab itself (LAB_T0) are considered.
LAB_T0=$(pid_stamp $$)
sweep_user_procs() {
	local i p left
	for ((i = 0; i < 12; i++)); do
		left=$(lab_user_procs)
		[[ -z $left ]] && return 0
		sleep 0.25
	done
	for p in $left; do
		log "ending leftover PID $p ($(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-80))"
		local st
		st=$(pid_stamp "$p")
		kill_stamped TERM "$p" "$st"
		sleep 0.5
		kill_stamped KILL "$p" "$st"
	done
}

lab_user_procs() { # PIDs of the lab user started by this run
	local p st
	for p in $(ps -o pid= -u "$LAB_USER" 2>/dev/null); do
		st=$(pid_stamp "$p")
		[[ -n $st && $st -ge $LAB_T0 ]] && echo "$p"
	done
}

umount_retry() {
	local i
	for ((i = 0; i < 20; i++)); do
		umount "$1" 2>/dev/null && {
			rmdir "$1" 2>/dev/null
			return 0
		}
		sleep 0.25
	done
	log "$1 busy: lazy unmount"
	umount -l "$1" && rmdir "$1" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# The rootless daemon.

# start_daemon LOG [ARGS...]: dockerd-rootless.sh as the case's identity, in the background.
# Sets DAEMON_PID. Returns 0 when the socket answers, 1 when the launcher exited, 2 on timeout.
# The daemon is stopped by the case's undo stack.
DAEMON_PID=''
start_daemon() {
	local out=$1
	shift
	local sock=${DAEMON_SOCK:-$LAB_XDG/docker.sock}
	as_case_exec dockerd-rootless.sh "$@" </dev/null >>"$out" 2>&1 &
	DAEMON_PID=$!
	track_pid "$DAEMON_PID"
	undo_case "stop_pid $DAEMON_PID"
	wait_daemon "$DAEMON_PID" "$sock"
}

# wait_daemon PID SOCK: 0 when docker answers on SOCK, 1 when PID exited, 2 on timeout.
wait_daemon() {
	local pid=$1 sock=$2 i
	for ((i = 0; i < LAB_DAEMON_WAIT * 4; i++)); do
		if [[ -S $sock ]] && (
			CASE_ENV[DOCKER_HOST]=unix://$sock
			as_user docker version >/dev/null 2>&1
		); then
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || {
			wait "$pid" 2>/dev/null
			return 1
		}
		sleep 0.25
	done
	return 2
}

# A healthy daemon for a client-side case, with the case's environment but the default socket.
start_healthy_daemon() {
	local out=$LAB_RUN/daemon/$CASE_ID.daemon.log
	local -A saved=()
	local k
	for k in "${!CASE_ENV[@]}"; do saved[$k]=${CASE_ENV[$k]}; done
	local -a saved_unset=("${CASE_UNSET[@]}")
	local saved_as=$CASE_AS
	CASE_ENV=() CASE_UNSET=() CASE_AS=user
	start_daemon "$out"
	local rc=$?
	for k in "${!saved[@]}"; do CASE_ENV[$k]=${saved[$k]}; done
	CASE_UNSET=("${saved_unset[@]}") CASE_AS=$saved_as
	[[ $rc == 0 ]] || {
		log "$CASE_ID: the healthy daemon did not come up (rc $rc), see $out"
		return 1
	}
}

# Remove what a killed daemon leaves in the runtime directory (only when none of ours runs).
clean_runtime_dir() {
	rm -f "$LAB_XDG/docker.sock" "$LAB_XDG/docker.pid"
}

# ---------------------------------------------------------------------------------------------
# PATH shims: a directory of symlinks to everything on the lab's PATH except NAMEs, used as the
# case's PATH, so that a program is "not installed" for the user without touching the system.
path_without() {
	local dir=$LAB_RUN/shim/$CASE_ID d n
	rm -rf "$dir"
	mkdir -p "$dir"
	for d in ${LAB_BASE_PATH//:/ }; do
		[[ -d $d && ! -L $d ]] || continue
		cp -s -n "$d"/* "$dir"/ 2>/dev/null
	done
	for n in "$@"; do rm -f "$dir/$n"; done
	chmod 0755 "$dir"
	CASE_ENV[PATH]=$dir
	undo_case "rm -rf '$dir'"
}
