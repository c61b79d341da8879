# shellcheck shell=bash
# Brings the host to the lab's working state: Debian's packages, the lab user with its
# subordinate IDs and runtime directory, a usable /dev/net/tun, a tiny local image and a snapshot
# of the built CLI. Every change that is not the lab user's own is undone at the end (undo_lab).

LAB_PACKAGES=(docker.io rootlesskit uidmap slirp4netns fuse-overlayfs iptables busybox-static)

lab_install_packages() {
	local missing=() p
	for p in "${LAB_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if ((${#missing[@]} == 0)); then
		log "packages present: ${LAB_PACKAGES[*]}"
		return 0
	fi
	log "installing ${missing[*]} (apt-get update first)"
	apt-get update -qq >"$LAB_RUN/apt-update.log" 2>&1 || die "apt-get update failed, see $LAB_RUN/apt-update.log"
	# policy-rc.d (or the absence of systemd) keeps the rootful docker.service from starting.
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
		>"$LAB_RUN/apt-install.log" 2>&1 || die "apt-get install failed, see $LAB_RUN/apt-install.log"
}

# The first free subordinate range of 65536 above every range in FILE (and above 100000).
free_subid_start() {
	awk -F: 'BEGIN { m = 100000 } NF >= 3 { e = $2 + $3; if (e > m) m = e } END { print m }' "$1"
}

lab_create_user() {
	if ! id "$LAB_USER" >/dev/null 2>&1; then
		log "creating user $LAB_USER"
		useradd -m -s /bin/bash "$LAB_USER" || die "useradd $LAB_USER failed"
	fi
	lab_user_ids
	local f start
	for f in /etc/subuid /etc/subgid; do
		touch "$f"
		if ! grep -q "^$LAB_USER:" "$f"; then
			start=$(free_subid_start "$f")
			echo "$LAB_USER:$start:65536" >>"$f"
			log "added $LAB_USER:$start:65536 to $f"
		fi
	done
	# The cases edit these lines; a healthy run needs exactly one range of 65536 each.
	for f in /etc/subuid /etc/subgid; do
		[[ $(grep -c "^$LAB_USER:" "$f") == 1 ]] || die "$f: expected one line for $LAB_USER"
		awk -F: -v u="$LAB_USER" '$1 == u && $3 < 65536 { exit 1 }' "$f" || die "$f: range of $LAB_USER below 65536"
	done
	# What logind would create at login (no systemd here).
	mkdir -p "$LAB_XDG"
	chown "$LAB_UID:$LAB_GID" "$LAB_XDG"
	chmod 0700 "$LAB_XDG"
}

# /dev/net/tun in this container is 0600 root; slirp4netns (run as the user) needs it 0666.
# A bind mount of a 0666 node of the same device (10,200) over it, undone at the end.
lab_tun() {
	mkdir -p "$LAB_STATE"
	undo_lab "rmdir '$LAB_STATE' 2>/dev/null"
	local src
	while src=$(findmnt -rn -o SOURCE /dev/net/tun 2>/dev/null) && [[ -n $src ]]; do
		[[ $src == *rdlab* ]] || die "/dev/net/tun has a mount the lab did not make ($src); not touching it"
		log "a bind mount on /dev/net/tun is left from an earlier run ($src): unmounting it"
		umount /dev/net/tun || die "cannot unmount /dev/net/tun"
	done
	[[ -c /dev/net/tun ]] || die "/dev/net/tun is missing; the lab does not create devices outside its own directory"
	if [[ $(stat -c %a /dev/net/tun) == 666 ]]; then
		log "/dev/net/tun is already 0666"
		return 0
	fi
	rm -f "$LAB_STATE/tun"
	mknod -m 0666 "$LAB_STATE/tun" c 10 200 || die "mknod $LAB_STATE/tun failed"
	mount --bind "$LAB_STATE/tun" /dev/net/tun || die "bind mount on /dev/net/tun failed"
	undo_lab "umount /dev/net/tun; rm -f '$LAB_STATE/tun'"
	log "/dev/net/tun: bind-mounted a 0666 node"
}

# What an earlier run killed with SIGKILL (no trap) may have left: the lab's mounts (their source
# or target names rdlab), and newuidmap/newgidmap without the setuid bit the uidmap package ships.
lab_repair_leftovers() {
	local target source f
	while read -r target source; do
		[[ -z $target || $target == /dev/net/tun ]] && continue # lab_tun deals with that one
		log "unmounting $target ($source), left by an earlier run"
		umount "$target" || umount -l "$target" || die "cannot unmount $target"
	done < <(findmnt -rn -o TARGET,SOURCE | awk '$1 ~ /rdlab/ || $2 ~ /rdlab/ { print $1, $2 }' | sort -r)
	for f in /usr/bin/newuidmap /usr/bin/newgidmap; do
		if [[ -e $f && ! -u $f ]]; then
			log "$f has lost its setuid bit (an interrupted run?): restoring it as the uidmap package ships it"
			chmod u+s "$f"
		fi
	done
	rm -f "$LAB_STATE"/*.0600 2>/dev/null
}

# Bind /dev/net/tun to the 0666 node again (after a case that unmounted it).
tun_bind() {
	findmnt -rn /dev/net/tun >/dev/null 2>&1 || mount --bind "$LAB_STATE/tun" /dev/net/tun
}

# Root file systems for `docker import`: busybox-static alone, and the same with a file owned by
# a high UID (for the subordinate-range case).
lab_rootfs() {
	local r=$LAB_RUN/rootfs a
	rm -rf "$r"
	mkdir -p "$r/bin" "$r/tmp" "$r/www"
	cp /bin/busybox "$r/bin/busybox"
	for a in sh echo ls cat sleep true id wget httpd nc ping touch; do ln -s busybox "$r/bin/$a"; done
	echo lab >"$r/www/index.html"
	tar -C "$r" --numeric-owner --owner=0 --group=0 -cf "$LAB_RUN/busybox.tar" .
	mkdir -p "$r/data"
	echo high >"$r/data/high-uid"
	chown -R 5000:5000 "$r/data"
	tar -C "$r" --numeric-owner -cf "$LAB_RUN/busybox-high-uid.tar" .
	chmod 0644 "$LAB_RUN"/*.tar
}

# A frozen copy of the built CLI, so that a rebuild by someone else during the run cannot break
# it halfway. node_modules is linked, not copied. Built first when LAB_BUILD=1 or when the
# current dist/ does not diagnose a known line (missing, or stale against kb/).
lab_snapshot_cli() {
	local repo=$1
	if [[ ${LAB_BUILD:-0} != 1 ]] && snapshot_cli "$repo"; then
		return 0
	fi
	log "building the CLI (npm run build)"
	(cd "$repo" && npm run build >"$LAB_RUN/build.log" 2>&1) || die "npm run build failed, see $LAB_RUN/build.log"
	snapshot_cli "$repo" || die "the built CLI does not diagnose a known line, see $LAB_RUN/snapshot.log"
}

snapshot_cli() {
	local repo=$1 snap=$LAB_RUN/cli v rc
	rm -rf "$snap"
	mkdir -p "$snap"
	[[ -f $repo/dist/cli.js ]] || return 1
	cp -r "$repo/dist" "$snap/dist"
	cp "$repo/package.json" "$snap/package.json"
	ln -s "$repo/node_modules" "$snap/node_modules"
	chmod -R a+rX "$snap"
	LAB_CLI=$snap/dist/cli.js
	v=$(node "$LAB_CLI" --version 2>&1) || return 1
	echo 'XDG_RUNTIME_DIR needs to be set and writable' |
		node "$LAB_CLI" --json --no-probe >"$LAB_RUN/snapshot.log" 2>&1
	rc=$?
	[[ $rc == 1 ]] && grep -q '"id":"xdg-runtime-dir-unset"' "$LAB_RUN/snapshot.log" || return 1
	log "CLI snapshot: rootless-doctor $v"
}

# Start from empty docker state: data written by earlier runs (owned by subordinate IDs, so
# removed inside the user namespace), daemon.json, CLI contexts.
lab_reset_user_state() {
	if [[ -d $LAB_HOME/.local/share/docker ]]; then
		as_user rootlesskit rm -rf "$LAB_HOME/.local/share/docker" >/dev/null 2>&1 ||
			log "could not remove $LAB_HOME/.local/share/docker"
	fi
	rm -rf "$LAB_HOME/.config/docker" "$LAB_HOME/.docker"
	clean_runtime_dir
}
