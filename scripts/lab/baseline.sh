# shellcheck shell=bash
# Proves the working state before any case: a rootless daemon started as the lab user answers
# docker info/version, creates a network and a volume, imports the local busybox image and runs
# a container. The lab stops here when it does not (the cases would mean nothing).

lab_baseline() {
	local out=$LAB_RUN/baseline.log step
	CASE_ID=baseline CASE_ENV=() CASE_UNSET=() CASE_AS=user
	: >"$out"
	start_daemon "$LAB_RUN/daemon/baseline.daemon.log"
	case $? in
		0) ;;
		1) die "baseline: the rootless daemon exited at start, see $LAB_RUN/daemon/baseline.daemon.log" ;;
		*) die "baseline: no daemon socket after ${LAB_DAEMON_WAIT}s, see $LAB_RUN/daemon/baseline.daemon.log" ;;
	esac
	for step in 'docker version' 'docker info' 'docker network ls' \
		'docker network create rdlab-net' 'docker network rm rdlab-net' \
		'docker volume create rdlab-vol' 'docker volume rm rdlab-vol' \
		"docker import $LAB_RUN/busybox.tar $LAB_IMAGE" \
		"docker run --rm $LAB_IMAGE id" "docker run --rm -p 18090:80 $LAB_IMAGE true"; do
		echo "\$ $step" >>"$out"
		# shellcheck disable=SC2086 # the steps are plain words
		as_user timeout 60 $step >>"$out" 2>&1 || die "baseline: '$step' failed, see $out"
	done
	grep -q '^uid=0(root)\|^uid=0 ' "$out" || die "baseline: the container did not run as its root, see $out"
	log "baseline: $(as_user docker version -f 'server {{.Server.Version}}' 2>&1), $(grep -c . "$out") lines of proof in $out"
	restore_case
	restore_daemons_only
}
