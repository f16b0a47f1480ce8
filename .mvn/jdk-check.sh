#!/bin/sh
# Says plainly when no JDK 25 or newer is installed: the build compiles and runs MS5 on a JDK 25
# toolchain it finds by itself, and Maven's own message for a missing one names only toolchains.xml.
# Called by mvnw; the folders it looks in are its arguments (JDK homes, or folders of them).
for dir in "$@"; do
    for home in "$dir" "$dir"/*; do
        if [ -f "$home/release" ] && grep -qE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$home/release"; then
            exit 0
        fi
    done
done
echo "MS5 needs a JDK 25 or newer to build and run, and none is installed here (looked in JAVA_HOME," >&2
echo "/usr/lib/jvm, ~/.jdks and ~/.sdkman/candidates/java). Install one, e.g. Temurin 25 (apt package" >&2
echo "temurin-25-jdk from packages.adoptium.net, or a tarball from adoptium.net unpacked into ~/.jdks)," >&2
echo "then run the command again. The installed .deb needs none: it brings its own." >&2
exit 1
