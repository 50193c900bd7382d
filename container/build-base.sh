#!/usr/bin/env bash
# Builds a Node base image FROM scratch out of this machine's own Node binary and the shared libraries it links,
# for machines that cannot pull `node:*` from a registry (the Dockerfile's NODE_IMAGE build argument takes it).
# It mirrors what the official node image offers the Dockerfile: /usr/local/bin/node, a user `node` (1000:1000),
# a writable /tmp. Nothing else: no shell, no package manager.
#
#   container/build-base.sh [TAG]     # default tag: journey-runs-mock-base:node<version>
# Prints the tag on its last line.
set -euo pipefail

node_bin="$(command -v node)"
node_bin="$(readlink -f "$node_bin")"
tag="${1:-journey-runs-mock-base:node$("$node_bin" -p 'process.versions.node')}"
docker="${DOCKER:-docker}"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/rootfs"
mkdir -p "$root/usr/local/bin" "$root/etc" "$root/tmp"
chmod 1777 "$root/tmp"
cp "$node_bin" "$root/usr/local/bin/node"

# Every library the dynamic linker resolves for node, and the linker itself, at the same paths (symlinks followed).
mapfile -t libs < <(ldd "$node_bin" | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(/ { print $1 }')
if [ "${#libs[@]}" -eq 0 ]; then
  echo "build-base.sh: ldd found no libraries for $node_bin; is it a static binary?" >&2
  exit 1
fi
for lib in "${libs[@]}"; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done

cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/usr/sbin/nologin
node:x:1000:1000:node:/home/node:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
node:x:1000:
nogroup:x:65534:
EOF
mkdir -p "$root/home/node"

cat >"$stage/Dockerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin
EOF
"$docker" build --quiet --tag "$tag" "$stage" >&2
# The base must run node as it is, or every image built on it fails later with a less clear error.
"$docker" run --rm --network none "$tag" /usr/local/bin/node -e 'process.exit(0)'
echo "$tag"
