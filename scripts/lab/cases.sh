# shellcheck shell=bash
# The cases. Each breaks one real thing, runs the command a user would run, and leaves its
# output in $OUT; everything it changes is pushed on the case's undo stack (lib.sh), which the
# runner (run-case.sh) unwinds after the diagnosis. Registered with
#
#   lab_case ID EXPECTED-KB-ENTRY|null 'COMMAND THE OUTPUT CAME FROM' 'WHAT WAS BROKEN' FUNCTION ['NOTE']
#
# The order is the run order. Helpers used here:
#   launch [ARGS]         dockerd-rootless.sh into $OUT, waits for its socket or its exit
#   launch_side [ARGS]    the same into the daemon log (the case's output is a client's)
#   healthy_daemon        a working daemon for a client-side case
#   client CMD...         CMD as the case's identity, output appended to $OUT
#   path_without NAME...  PATH shim without these programs
#   daemon_json JSON      ~/.config/docker/daemon.json for this case
#   data_home             a private XDG_DATA_HOME (data-root) for this case, removed afterwards
#   skip REASON           the host cannot produce this case

LAB_CASES=()
declare -A CASE_FN=() CASE_EXPECT=() CASE_CMD=() CASE_BROKE=() CASE_NOTE=()

lab_case() {
	LAB_CASES+=("$1")
	CASE_EXPECT[$1]=$2 CASE_CMD[$1]=$3 CASE_BROKE[$1]=$4 CASE_FN[$1]=$5 CASE_NOTE[$1]=${6:-}
}

# --- helpers ---------------------------------------------------------------------------------

DAEMON_RC=''
launch() {
	start_daemon "$OUT" "$@"
	DAEMON_RC=$?
}

launch_side() {
	start_daemon "$LAB_RUN/daemon/$CASE_ID.daemon.log" "$@"
	DAEMON_RC=$?
}

healthy_daemon() { start_healthy_daemon || CASE_ERROR="the healthy daemon did not start"; }

# Start a second launcher while the first runs, and wait for it to give up.
launch_second() {
	as_case_exec dockerd-rootless.sh </dev/null >>"$OUT" 2>&1 &
	local pid=$!
	track_pid "$pid"
	undo_case "stop_pid $pid"
	local i
	for ((i = 0; i < 60; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -0 "$pid" 2>/dev/null && CASE_ERROR="the second launcher was still running after 15 s"
	wait "$pid" 2>/dev/null
}

client() { as_case timeout 30 "$@" >>"$OUT" 2>&1; }

ensure_image() {
	local tar=${2:-$LAB_RUN/busybox.tar} tag=${1:-$LAB_IMAGE}
	(
		CASE_ENV=() CASE_UNSET=()
		as_user docker image inspect "$tag" >/dev/null 2>&1 ||
			as_user timeout 60 docker import "$tar" "$tag" >/dev/null 2>&1
	) || CASE_ERROR="could not import $tag"
}

daemon_json() {
	local dir=$LAB_HOME/.config/docker
	install -d -o "$LAB_UID" -g "$LAB_GID" "$LAB_HOME/.config" "$dir"
	if [[ -e $dir/daemon.json ]]; then
		backup_file_case "$dir/daemon.json"
	else
		undo_case "rm -f '$dir/daemon.json'"
	fi
	printf '%s\n' "$1" >"$dir/daemon.json"
	chown "$LAB_UID:$LAB_GID" "$dir/daemon.json"
}

# A data-root of the case's own (some cases leave data a later daemon would trip over). Removed
# inside the user namespace, because its files belong to subordinate IDs; push this before any
# change to /etc/sub[ug]id so that the removal runs after they are restored.
data_home() {
	local d=$LAB_HOME/lab-data/$CASE_ID
	install -d -o "$LAB_UID" -g "$LAB_GID" "$LAB_HOME/lab-data" "$d"
	CASE_ENV[XDG_DATA_HOME]=$d
	undo_case "remove_user_tree '$d'"
}

remove_user_tree() {
	(
		CASE_ENV=() CASE_UNSET=()
		as_user rootlesskit rm -rf "$1" >/dev/null 2>&1
	) || log "could not remove $1"
	rm -rf "$1" 2>/dev/null
}

# Bind a node of the same device with another mode over /dev/X for this case.
device_mode_case() {
	local dev=$1 mode=$2 node
	node=$LAB_STATE/$(basename "$dev").$mode
	rm -f "$node"
	mknod -m "$mode" "$node" c "$((16#$(stat -c %t "$dev")))" "$((16#$(stat -c %T "$dev")))"
	mount --bind "$node" "$dev"
	undo_case "umount '$dev'; rm -f '$node'"
}

subid_line() { # FILE SED-EXPRESSION: edit the lab user's line of /etc/subuid or /etc/subgid
	backup_file_case "$1"
	sed -i "$2" "$1"
}

# A listening unix socket at /run/docker.sock owned by root with MODE: a stand-in for a rootful
# daemon (nothing answers on it). Only when no such socket exists.
FAKE_SOCK=/run/docker.sock
fake_rootful_socket() {
	local mode=$1 pid i
	if [[ -e $FAKE_SOCK ]]; then
		skip "$FAKE_SOCK exists on this host; the lab does not touch it"
		return 1
	fi
	node -e 'require("net").createServer((c) => c.end()).listen(process.argv[1])' "$FAKE_SOCK" \
		</dev/null >/dev/null 2>&1 &
	pid=$!
	track_pid "$pid"
	undo_case "stop_pid $pid; rm -f '$FAKE_SOCK'"
	for ((i = 0; i < 40; i++)); do
		[[ -S $FAKE_SOCK ]] && break
		sleep 0.1
	done
	chmod "$mode" "$FAKE_SOCK"
}

# A listener of the lab user on the host (the host's own network namespace).
host_listener() { # PORT ADDRESS
	as_user_exec node -e 'require("net").createServer((s) => s.end("lab\n")).listen(+process.argv[1], process.argv[2])' \
		"$1" "$2" </dev/null >/dev/null 2>&1 &
	local pid=$!
	track_pid "$pid"
	undo_case "stop_pid $pid"
	sleep 0.4
}

other_uid() { # another user's UID for a wrong DOCKER_HOST
	local u
	u=$(awk -F: -v me="$LAB_UID" '$3 >= 1000 && $3 < 60000 && $3 != me { print $3; exit }' /etc/passwd)
	echo "${u:-$((LAB_UID + 1))}"
}

# --- the launcher: subordinate IDs and newuidmap -----------------------------------------------

c_subuid_removed() {
	subid_line /etc/subuid "/^$LAB_USER:/d"
	launch
}
lab_case subuid-line-removed subuid-range-missing dockerd-rootless.sh \
	"the lab user's line removed from /etc/subuid" c_subuid_removed

c_subgid_removed() {
	subid_line /etc/subgid "/^$LAB_USER:/d"
	launch
}
lab_case subgid-line-removed subuid-range-missing dockerd-rootless.sh \
	"the lab user's line removed from /etc/subgid" c_subgid_removed

c_newuidmap_setuid() {
	chmod_case u-s /usr/bin/newuidmap
	launch
}
lab_case newuidmap-setuid-removed newuidmap-not-privileged dockerd-rootless.sh \
	'setuid bit removed from /usr/bin/newuidmap (chmod u-s)' c_newuidmap_setuid

c_newgidmap_setuid() {
	chmod_case u-s /usr/bin/newgidmap
	launch
}
lab_case newgidmap-setuid-removed newuidmap-not-privileged dockerd-rootless.sh \
	'setuid bit removed from /usr/bin/newgidmap (chmod u-s)' c_newgidmap_setuid

c_uidmap_hidden() {
	path_without newuidmap newgidmap
	launch
}
lab_case uidmap-not-on-path newuidmap-missing dockerd-rootless.sh \
	'newuidmap and newgidmap (package uidmap) not on PATH' c_uidmap_hidden

# --- the launcher: programs and environment ---------------------------------------------------

c_rootlesskit_hidden() {
	path_without rootlesskit docker-rootlesskit
	launch
}
lab_case rootlesskit-not-on-path rootless-extras-missing dockerd-rootless.sh \
	'rootlesskit not on PATH' c_rootlesskit_hidden

c_slirp_hidden_auto() {
	path_without slirp4netns vpnkit
	launch
}
lab_case slirp4netns-not-on-path network-binary-missing-or-old dockerd-rootless.sh \
	'slirp4netns not on PATH (network driver chosen automatically)' c_slirp_hidden_auto

c_slirp_hidden_forced() {
	path_without slirp4netns
	CASE_ENV[DOCKERD_ROOTLESS_ROOTLESSKIT_NET]=slirp4netns
	launch
}
lab_case slirp4netns-not-on-path-forced network-binary-missing-or-old \
	'DOCKERD_ROOTLESS_ROOTLESSKIT_NET=slirp4netns dockerd-rootless.sh' \
	'slirp4netns not on PATH, DOCKERD_ROOTLESS_ROOTLESSKIT_NET=slirp4netns' c_slirp_hidden_forced \
	'the launcher then passes --mtu=1500 (it only sets 65520 when it detects slirp4netns itself), so mtu-not-applied also matches'

c_xdg_unset() {
	CASE_UNSET+=(XDG_RUNTIME_DIR)
	launch
}
lab_case xdg-runtime-dir-unset xdg-runtime-dir-unset dockerd-rootless.sh \
	'XDG_RUNTIME_DIR unset' c_xdg_unset

c_xdg_readonly() {
	chmod_case 0500 "$LAB_XDG"
	launch
}
lab_case xdg-runtime-dir-not-writable xdg-runtime-dir-unset dockerd-rootless.sh \
	'XDG_RUNTIME_DIR (/run/user/UID) made 0500, not writable by its owner' c_xdg_readonly

c_tmpdir_not_writable() {
	# RootlessKit makes its state directory under $TMPDIR: here a directory only root may write
	install -d -m 0755 "$LAB_STATE/root-tmp"
	undo_case "rm -rf '$LAB_STATE/root-tmp'"
	CASE_ENV[TMPDIR]=$LAB_STATE/root-tmp
	launch
}
lab_case tmpdir-not-writable rootlesskit-tmpdir-not-writable dockerd-rootless.sh \
	'TMPDIR set to a root-owned 0755 directory (as a /tmp that lost its 1777 mode)' c_tmpdir_not_writable

c_home_unset() {
	CASE_UNSET+=(HOME)
	launch
}
lab_case home-unset null dockerd-rootless.sh 'HOME unset' c_home_unset \
	'no entry covers "HOME needs to be set and exist." (xdg-runtime-dir-unset lists the setup tool'"'"'s HOME line as a near miss)'

c_launcher_as_root() {
	CASE_AS=root
	install -d -m 0700 "$LAB_STATE/root-xdg"
	undo_case "rm -rf '$LAB_STATE/root-xdg'"
	CASE_ENV[XDG_RUNTIME_DIR]=$LAB_STATE/root-xdg
	CASE_ENV[DOCKER_HOST]=unix://$LAB_STATE/root-xdg/docker.sock
	DAEMON_SOCK=$LAB_STATE/root-xdg/docker.sock launch
}
lab_case launcher-run-as-root rootless-scripts-run-as-root dockerd-rootless.sh \
	'the launcher run by root (with a writable XDG_RUNTIME_DIR)' c_launcher_as_root

c_wrong_subcommand() { launch install; }
lab_case launcher-wrong-subcommand dockerd-rootless-wrong-subcommand 'dockerd-rootless.sh install' \
	'a setup-tool subcommand given to the launcher' c_wrong_subcommand

c_dockerd_direct() { client dockerd; }
lab_case dockerd-run-directly dockerd-started-directly-as-user dockerd \
	'dockerd started by the user without the launcher' c_dockerd_direct

c_second_daemon() {
	healthy_daemon || return
	launch_second
}
lab_case second-daemon-same-user rootlesskit-state-dir-locked 'dockerd-rootless.sh (a second one)' \
	'a second launcher while the first runs (Debian 20.10 launcher: no --state-dir)' c_second_daemon \
	'this launcher gives RootlessKit a fresh state dir each time, so the second one fails later, in dockerd, on the pid file; the cause is the one rootlesskit-state-dir-locked describes'

c_second_daemon_statedir() {
	CASE_ENV[DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS]=--state-dir=$LAB_XDG/dockerd-rootless
	launch_side
	[[ $DAEMON_RC == 0 ]] || {
		CASE_ERROR="the first daemon did not start"
		return
	}
	launch_second
}
lab_case second-daemon-same-state-dir rootlesskit-state-dir-locked \
	'DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS=--state-dir=$XDG_RUNTIME_DIR/dockerd-rootless dockerd-rootless.sh (a second one)' \
	'a second launcher with the same --state-dir (what newer launchers pass) while the first runs' c_second_daemon_statedir

c_launcher_not_on_path() {
	CASE_ENV[PATH]=/usr/local/bin:/usr/bin:/bin:/usr/games
	client bash -c 'dockerd-rootless.sh'
}
lab_case launcher-not-on-path rootless-extras-missing 'dockerd-rootless.sh (login PATH)' \
	"Debian's default: dockerd-rootless.sh lives in $LAB_CONTRIB, not on a user's PATH" c_launcher_not_on_path

# --- network ----------------------------------------------------------------------------------

c_tun_0600() {
	device_mode_case /dev/net/tun 0600
	launch
}
lab_case tun-device-not-accessible tap-device-setup-failed dockerd-rootless.sh \
	'/dev/net/tun back to mode 0600 (root only)' c_tun_0600

c_iptables_hidden() {
	path_without iptables ip6tables iptables-legacy iptables-nft ip6tables-legacy ip6tables-nft
	launch
}
lab_case iptables-not-on-path null dockerd-rootless.sh 'iptables not on PATH' c_iptables_hidden \
	'dockerd prints "failed to create NAT chain DOCKER: Iptables not found"; no entry covers a missing iptables binary (iptables-nat-unavailable is about the NAT table)'

c_proxy_hidden() {
	path_without rootlesskit-docker-proxy
	launch
}
lab_case docker-proxy-not-on-path rootlesskit-docker-proxy-version-skew dockerd-rootless.sh \
	'rootlesskit-docker-proxy not on PATH' c_proxy_hidden

c_detach_netns() {
	CASE_ENV[DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS]=--detach-netns
	launch
}
lab_case rootlesskit-flag-detach-netns rootlesskit-too-old-for-detach-netns \
	'DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS=--detach-netns dockerd-rootless.sh' \
	'--detach-netns (a newer launcher'"'"'s flag) passed to RootlessKit 1.1' c_detach_netns

c_net_pasta() {
	CASE_ENV[DOCKERD_ROOTLESS_ROOTLESSKIT_NET]=pasta
	launch
}
lab_case net-driver-pasta network-driver-unsupported-by-rootlesskit \
	'DOCKERD_ROOTLESS_ROOTLESSKIT_NET=pasta dockerd-rootless.sh' \
	'network driver pasta asked of RootlessKit 1.1' c_net_pasta

c_net_vpnkit() {
	CASE_ENV[DOCKERD_ROOTLESS_ROOTLESSKIT_NET]=vpnkit
	launch
}
lab_case net-driver-vpnkit-debian network-driver-unsupported-by-rootlesskit \
	'DOCKERD_ROOTLESS_ROOTLESSKIT_NET=vpnkit dockerd-rootless.sh' \
	"network driver vpnkit, which Debian's rootlesskit is built without" c_net_vpnkit \
	'Debian patch: "not supported in this Debian package"'

c_port_driver() {
	CASE_ENV[DOCKERD_ROOTLESS_ROOTLESSKIT_PORT_DRIVER]=implicit
	launch
}
lab_case port-driver-unknown network-driver-unsupported-by-rootlesskit \
	'DOCKERD_ROOTLESS_ROOTLESSKIT_PORT_DRIVER=implicit dockerd-rootless.sh' \
	'port driver implicit asked of RootlessKit 1.1' c_port_driver

c_mtu() {
	CASE_ENV[DOCKERD_ROOTLESS_ROOTLESSKIT_MTU]=1500
	launch
}
lab_case mtu-1500 mtu-not-applied 'DOCKERD_ROOTLESS_ROOTLESSKIT_MTU=1500 dockerd-rootless.sh' \
	'slirp4netns MTU set to 1500 (the daemon works, slower)' c_mtu

# --- the daemon's configuration and storage ---------------------------------------------------

c_daemon_json_key() {
	daemon_json '{"foo": true}'
	launch
}
lab_case daemon-json-unknown-key null dockerd-rootless.sh \
	'~/.config/docker/daemon.json with an unknown key' c_daemon_json_key \
	'no entry for "the following directives don'"'"'t match any configuration option"'

c_driver_aufs() {
	daemon_json '{"storage-driver": "aufs"}'
	launch
}
lab_case storage-driver-aufs storage-driver-forced-unsupported dockerd-rootless.sh \
	'daemon.json forces storage-driver aufs' c_driver_aufs

c_driver_btrfs() {
	daemon_json '{"storage-driver": "btrfs"}'
	launch
}
lab_case storage-driver-btrfs-on-ext4 storage-driver-forced-unsupported dockerd-rootless.sh \
	'daemon.json forces storage-driver btrfs on ext4' c_driver_btrfs \
	'this driver fails with "prerequisites for driver not satisfied (wrong filesystem?)", not "driver not supported"'

c_fuse_hidden() {
	data_home
	daemon_json '{"storage-driver": "fuse-overlayfs"}'
	path_without fuse-overlayfs
	launch
}
lab_case fuse-overlayfs-not-on-path storage-driver-forced-unsupported dockerd-rootless.sh \
	'daemon.json forces fuse-overlayfs, the binary not on PATH' c_fuse_hidden

c_fuse_device() {
	data_home
	daemon_json '{"storage-driver": "fuse-overlayfs"}'
	device_mode_case /dev/fuse 0600
	launch_side
	[[ $DAEMON_RC == 0 ]] || {
		CASE_ERROR="the fuse-overlayfs daemon did not start"
		return
	}
	ensure_image
	client docker run --rm "$LAB_IMAGE" true
}
lab_case fuse-device-not-accessible null "docker run --rm $LAB_IMAGE true" \
	'fuse-overlayfs storage driver with /dev/fuse mode 0600' c_fuse_device \
	'fuse-device-missing says in its notes that "fuse: failed to open /dev/fuse: Permission denied" is a different problem with no entry'

c_two_graphdrivers() {
	data_home
	launch_side
	ensure_image
	restore_daemons_only
	daemon_json '{"storage-driver": "fuse-overlayfs"}'
	launch_side
	ensure_image
	restore_daemons_only
	rm -f "$LAB_HOME/.config/docker/daemon.json"
	launch
}
lab_case data-root-two-graphdrivers null dockerd-rootless.sh \
	'data-root holds images of overlay2 and fuse-overlayfs (storage-driver switched back)' c_two_graphdrivers \
	'no entry for "contains several valid graphdrivers"'

c_userns_remap() {
	daemon_json '{"userns-remap": "default"}'
	launch
}
lab_case userns-remap-configured userns-remap-in-rootless-mode dockerd-rootless.sh \
	'daemon.json sets userns-remap' c_userns_remap

c_cgroupdriver() {
	daemon_json '{"exec-opts": ["native.cgroupdriver=systemd"]}'
	launch
}
lab_case cgroupdriver-systemd-on-v1 cgroupdriver-systemd-needs-v2 dockerd-rootless.sh \
	'daemon.json sets native.cgroupdriver=systemd on this cgroup v1 host' c_cgroupdriver

c_noexec() {
	local m=$LAB_STATE/noexec
	install -d "$m"
	mount -t tmpfs -o noexec,nosuid,nodev,size=256m rdlab-noexec "$m"
	undo_case "umount_retry '$m'"
	install -d -o "$LAB_UID" -g "$LAB_GID" "$m/docker"
	launch_side --data-root "$m/docker" --storage-driver vfs
	[[ $DAEMON_RC == 0 ]] || {
		CASE_ERROR="the daemon on the noexec data-root did not start"
		return
	}
	ensure_image
	client docker run --rm "$LAB_IMAGE" id
}
lab_case data-root-noexec data-root-noexec "docker run --rm $LAB_IMAGE id" \
	'data-root on a noexec tmpfs (vfs driver)' c_noexec \
	'with overlay2 the same noexec data-root runs containers fine here: the overlay mount itself is not noexec'

c_range_small() {
	data_home
	subid_line /etc/subuid "s/^\($LAB_USER:[0-9]*\):.*/\1:1000/"
	subid_line /etc/subgid "s/^\($LAB_USER:[0-9]*\):.*/\1:1000/"
	launch_side
	[[ $DAEMON_RC == 0 ]] || {
		CASE_ERROR="the daemon did not start with a range of 1000"
		return
	}
	client docker import "$LAB_RUN/busybox-high-uid.tar" rdlab/high-uid:lab
}
lab_case subuid-range-too-small subuid-range-too-small 'docker import busybox-high-uid.tar' \
	'subordinate ranges cut to 1000 IDs, image with a file of UID 5000' c_range_small

c_rm_data() {
	data_home
	launch_side
	ensure_image rdlab/high-uid:lab "$LAB_RUN/busybox-high-uid.tar"
	restore_daemons_only
	client rm -rf "${CASE_ENV[XDG_DATA_HOME]}/docker"
}
lab_case rm-data-root-as-user subuid-owned-files-cannot-be-removed 'rm -rf ~/.local/share/docker' \
	'the data-root removed with plain rm (files of subordinate UIDs)' c_rm_data

# --- the client -------------------------------------------------------------------------------

c_cgroup_v1_info() {
	healthy_daemon || return
	client docker info
}
lab_case docker-info-cgroup-v1 cgroup-v1-limits-ignored 'docker info' \
	'nothing: a healthy daemon on this cgroup v1 host' c_cgroup_v1_info

c_privileged_port() {
	healthy_daemon || return
	ensure_image
	client docker run --rm -p 80:80 "$LAB_IMAGE" true
}
lab_case privileged-port privileged-port-not-allowed "docker run --rm -p 80:80 $LAB_IMAGE true" \
	'publishing host port 80 (net.ipv4.ip_unprivileged_port_start = 1024)' c_privileged_port

c_port_in_use() {
	healthy_daemon || return
	ensure_image
	host_listener 18080 0.0.0.0
	client docker run --rm -p 18080:80 "$LAB_IMAGE" true
}
lab_case port-already-in-use published-port-already-in-use "docker run --rm -p 18080:80 $LAB_IMAGE true" \
	'publishing host port 18080 while a host process listens on it' c_port_in_use

c_docker_host_other_uid() {
	healthy_daemon || return
	CASE_ENV[DOCKER_HOST]=unix:///run/user/$(other_uid)/docker.sock
	client docker info
}
lab_case docker-host-other-uid docker-host-uid-mismatch 'DOCKER_HOST=unix:///run/user/OTHER/docker.sock docker info' \
	"DOCKER_HOST names another user's /run/user/UID (the user's own daemon runs)" c_docker_host_other_uid

c_docker_host_empty() {
	healthy_daemon || return
	CASE_ENV[DOCKER_HOST]=unix:///docker.sock
	client docker version
}
lab_case docker-host-empty-xdg docker-host-empty-runtime-dir 'DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock (empty) docker version' \
	'DOCKER_HOST built from an empty XDG_RUNTIME_DIR' c_docker_host_empty

c_no_docker_host() {
	[[ -e /run/docker.sock ]] && {
		skip "/run/docker.sock exists here"
		return
	}
	healthy_daemon || return
	CASE_UNSET+=(DOCKER_HOST)
	client docker ps
}
lab_case no-docker-host client-pointed-at-rootful-socket 'docker ps (DOCKER_HOST unset)' \
	'DOCKER_HOST unset and no rootless context: the client tries /var/run/docker.sock' c_no_docker_host

c_rootful_socket_denied() {
	fake_rootful_socket 0660 || return
	healthy_daemon || return
	CASE_UNSET+=(DOCKER_HOST)
	client docker ps
}
lab_case rootful-socket-permission-denied client-pointed-at-rootful-socket 'docker ps (DOCKER_HOST unset)' \
	'DOCKER_HOST unset, a root-owned 0660 socket at /var/run/docker.sock' c_rootful_socket_denied \
	'the socket is a listener the lab starts as a stand-in for a rootful daemon'

c_not_running() { client docker info; }
lab_case daemon-not-running rootless-daemon-not-running 'docker info' \
	'the rootless daemon not started' c_not_running

c_context_override() {
	healthy_daemon || return
	undo_case "rm -rf '$LAB_HOME/.docker'"
	as_user docker context create rootless --docker "host=unix://$LAB_XDG/docker.sock" >/dev/null 2>&1
	client docker context use rootless
}
lab_case docker-host-overrides-context docker-host-overrides-context 'docker context use rootless' \
	'a CLI context selected while DOCKER_HOST is exported' c_context_override

c_tcp_api() {
	# --tls=false: dockerd 20.10 otherwise sleeps 15 s to warn about an unauthenticated TCP socket
	launch_side -H "unix://$LAB_XDG/docker.sock" -H tcp://0.0.0.0:2376 --tls=false
	[[ $DAEMON_RC == 0 ]] || {
		CASE_ERROR="the daemon with a TCP listener did not start"
		return
	}
	CASE_ENV[DOCKER_HOST]=tcp://127.0.0.1:2376
	client docker info
}
lab_case tcp-api-not-forwarded tcp-api-not-exposed 'DOCKER_HOST=tcp://127.0.0.1:2376 docker info' \
	'daemon listens on tcp://0.0.0.0:2376 inside RootlessKit, the port is not forwarded' c_tcp_api \
	'without the port forwarded the client gets "Cannot connect ... at tcp://", not the EOF the entry matches'

c_host_loopback() {
	healthy_daemon || return
	ensure_image
	host_listener 18081 127.0.0.1
	client docker run --rm "$LAB_IMAGE" nc -w 3 10.0.2.2 18081
}
lab_case host-loopback-from-container host-loopback-blocked "docker run --rm $LAB_IMAGE nc -w 3 10.0.2.2 18081" \
	"a container connects to a service on the host's 127.0.0.1 through 10.0.2.2 (--disable-host-loopback)" c_host_loopback

c_net_host() {
	healthy_daemon || return
	ensure_image
	host_listener 18081 127.0.0.1
	client docker run --rm --net=host "$LAB_IMAGE" nc -w 3 127.0.0.1 18081
}
lab_case net-host-loopback net-host-namespaced "docker run --rm --net=host $LAB_IMAGE nc -w 3 127.0.0.1 18081" \
	"--net=host container connects to a service on the host's 127.0.0.1" c_net_host

c_bind_mount() {
	healthy_daemon || return
	ensure_image
	local d=$LAB_HOME/lab-bind
	install -d -o "$LAB_UID" -g "$LAB_GID" "$d"
	undo_case "rm -rf '$d'"
	client docker run --rm --user 1000 -v "$d:/data" "$LAB_IMAGE" touch /data/file
}
lab_case bind-mount-other-container-user bind-mount-ownership-mapping \
	"docker run --rm --user 1000 -v ~/lab-bind:/data $LAB_IMAGE touch /data/file" \
	"container user 1000 writes to a bind-mounted directory of the host user" c_bind_mount

# --- the setup tool ---------------------------------------------------------------------------

c_setuptool_check() { client dockerd-rootless-setuptool.sh check; }
lab_case setuptool-check-ip-tables-module setuptool-iptables-module-false-positive 'dockerd-rootless-setuptool.sh check' \
	'nothing: no /proc/modules or /lib/modules in this container, so the tool asks for modprobe ip_tables' c_setuptool_check

c_setuptool_install() {
	undo_case "rm -rf '$LAB_HOME/.docker'"
	client dockerd-rootless-setuptool.sh install --skip-iptables
}
lab_case setuptool-install-no-systemd systemd-not-detected 'dockerd-rootless-setuptool.sh install --skip-iptables' \
	'install on a host without systemd' c_setuptool_install \
	'Debian ships the tool in contrib/, so it then fails to run "$BIN/docker" ("…/contrib/docker: not found"), which no entry covers'

c_setuptool_root() {
	CASE_AS=root
	client dockerd-rootless-setuptool.sh check
}
lab_case setuptool-as-root rootless-scripts-run-as-root 'dockerd-rootless-setuptool.sh check (as root)' \
	'the setup tool run by root' c_setuptool_root

c_setuptool_not_on_path() {
	CASE_ENV[PATH]=/usr/local/bin:/usr/bin:/bin:/usr/games
	client "$LAB_CONTRIB/dockerd-rootless-setuptool.sh" check
}
lab_case setuptool-launcher-not-on-path rootless-extras-missing "$LAB_CONTRIB/dockerd-rootless-setuptool.sh check" \
	"Debian's default: the setup tool run by full path, dockerd-rootless.sh not on PATH" c_setuptool_not_on_path

c_setuptool_no_uidmap() {
	path_without newuidmap newgidmap
	client dockerd-rootless-setuptool.sh check
}
lab_case setuptool-check-no-uidmap newuidmap-missing 'dockerd-rootless-setuptool.sh check' \
	'newuidmap and newgidmap not on PATH' c_setuptool_no_uidmap \
	'the output also asks for modprobe ip_tables, as on every run in this container (see setuptool-check-ip-tables-module)'

c_setuptool_no_subuid() {
	subid_line /etc/subuid "/^$LAB_USER:/d"
	client dockerd-rootless-setuptool.sh check
}
lab_case setuptool-check-no-subuid subuid-range-missing 'dockerd-rootless-setuptool.sh check' \
	"the lab user's line removed from /etc/subuid" c_setuptool_no_subuid \
	'the output also asks for modprobe ip_tables, as on every run in this container (see setuptool-check-ip-tables-module)'

c_setuptool_rootful() {
	fake_rootful_socket 0666 || return
	client dockerd-rootless-setuptool.sh check
}
lab_case setuptool-rootful-socket rootful-daemon-blocks-install 'dockerd-rootless-setuptool.sh check' \
	'a socket at /var/run/docker.sock the user can write' c_setuptool_rootful \
	'the socket is a listener the lab starts as a stand-in for a rootful daemon'
