#!/usr/bin/env bash
# Builds the native Boundary Lab app with jlink + jpackage.
#
# Called by `mvn -Ppackage package` after target/boundary-lab.jar and target/lib/ exist; it can
# also be run by hand from the repository root once `mvn package` has made those:
#
#   bash packaging/build.sh --version 0.1.0 [--jdk DIR] [--types "app-image deb rpm zip"] [--cds true|false]
#   bash packaging/build.sh --version 0.1.0 --dry-run [--os windows|mac|linux] [--types "..."]
#
# --dry-run prints the jpackage commands it would run for that system (default: this one), one a
# line starting with "jpackage", and runs nothing: no jar, JDK or jmods are needed for it.
#
# What it makes, in target/dist/ (<v> the pom's version, <arch> x64 or arm64):
#   Linux    boundary-lab/ (app image, launcher bin/boundary-lab), boundary-lab_<v>-1_amd64.deb,
#            boundary-lab-<v>-1.x86_64.rpm (type rpm, needs rpmbuild)
#   macOS    boundary-lab.app (menu name "Boundary Lab") and boundary-lab-<v>-macos-<arch>.dmg
#   Windows  boundary-lab/ (boundary-lab.exe + boundary-lab-cli.exe) and boundary-lab-<v>-windows-<arch>.msi
#   any      boundary-lab-<v>-<os>-<arch>.zip with type zip: the app image, to run without installing
# The installers associate workspace files (.blab, application/x-boundary-lab) with the app.
#
# The JavaFX jars from Maven (with their natives inside) stay on the app's class path, exactly as
# for `java -jar target/boundary-lab.jar`; jlink makes a runtime of only the JDK modules that jdeps
# finds the app and its jars using, so no JavaFX jmods are needed.
set -euo pipefail

fail() { echo "packaging/build.sh: $*" >&2; exit 1; }

version=""
jdk="${JAVA_HOME:-}"
types=""
cds=false
dry_run=false
target_os=""
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="${2:?--version needs a value}"; shift 2 ;;
        --jdk) jdk="${2:?--jdk needs a value}"; shift 2 ;;
        --types) types="${2-}"; shift; [ $# -gt 0 ] && shift ;;  # empty: the default for this OS
        --cds) cds="${2:?--cds needs true or false}"; shift 2 ;;
        --dry-run) dry_run=true; shift ;;
        --os) target_os="${2:?--os needs windows, mac or linux}"; shift 2 ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        *) fail "unknown argument '$1' (expected --version V, --jdk DIR, --types \"T ...\", --cds true|false, --dry-run, --os windows|mac|linux)" ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -n "$version" ] || fail "no --version given (Maven passes the pom's version)"
case "$cds" in true|false) ;; *) fail "--cds wants true or false, got '$cds'" ;; esac

case "$(uname -s)" in
    Linux*) host=linux ;;
    Darwin*) host=macos ;;
    MINGW*|MSYS*|CYGWIN*) host=windows ;;
    *) host=unknown ;;
esac
case "$target_os" in
    "") os="$host" ;;
    linux) os=linux ;;
    mac|macos) os=macos ;;
    windows) os=windows ;;
    *) fail "--os wants windows, mac or linux, got '$target_os'" ;;
esac
[ "$os" != unknown ] || fail "unsupported operating system '$(uname -s)'"
# jpackage builds only for the system it runs on; another one's commands can only be printed.
$dry_run || [ "$os" = "$host" ] || fail "--os $target_os needs --dry-run: jpackage builds only for the system it runs on ($host)"
case "$(uname -m)" in
    x86_64|amd64|AMD64) arch=x64 ;;
    arm64|aarch64) arch=arm64 ;;
    *) arch="$(uname -m)" ;;
esac
exe=""
if [ "$os" = windows ]; then exe=".exe"; fi

# jpackage wants a purely numeric version; the full one (with -SNAPSHOT, say) stays in the jar's manifest.
app_version="${version%%-*}"
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || fail "version '$version' does not start with 1 to 3 numbers"
if [ "$os" = macos ] && [[ "$app_version" =~ ^0(\.|$) ]]; then
    # macOS refuses a bundle version whose first number is 0: 0.x.y is given as 1.x.y.
    mac_version="1${app_version#0}"
    echo "packaging/build.sh: macOS bundle versions cannot start with 0; $app_version is given as $mac_version" >&2
    app_version="$mac_version"
fi

if [ -z "$types" ]; then
    case "$os" in
        linux) types="app-image deb" ;;
        macos) types="app-image dmg" ;;
        windows) types="app-image msi" ;;
    esac
fi
for type in $types; do
    case "$os:$type" in
        *:app-image|*:zip|linux:deb|linux:rpm|macos:dmg|macos:pkg|windows:msi|windows:exe) ;;
        *) fail "type '$type' cannot be made for $os" ;;
    esac
done

work=target/jpackage
dist=target/dist
case "$os" in
    macos) image="$dist/boundary-lab.app" ;;
    *) image="$dist/boundary-lab" ;;
esac

# Runs jpackage, or with --dry-run prints the command as a shell would read it, one a line.
jpackage_run() {
    if $dry_run; then
        local line="jpackage" a
        for a in "$@"; do
            if [[ "$a" =~ ^[A-Za-z0-9_./:=,+@%-]+$ ]]; then
                line+=" $a"
            else
                line+=" '${a//\'/\'\\\'\'}'"
            fi
        done
        echo "$line"
    else
        echo "== jpackage: $2 ($os)"
        "$jdk/bin/jpackage$exe" "$@"
    fi
}

if $dry_run; then
    modules="<the modules jdeps finds>"
    echo "# jpackage commands for $os ($arch), version $version (app version $app_version); types: $types"
else
    [ -f target/boundary-lab.jar ] || fail "target/boundary-lab.jar is missing: run 'mvn package' first"
    [ -d target/lib ] || fail "target/lib/ is missing: run 'mvn package' first"
    # The JDK: --jdk (Maven passes its own java.home), else JAVA_HOME, else the one `javac` belongs to.
    if [ -z "$jdk" ] && command -v javac >/dev/null; then
        jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    fi
    for tool in jdeps jlink jpackage; do
        [ -x "$jdk/bin/$tool$exe" ] || fail "no $tool in '$jdk/bin': point --jdk or JAVA_HOME at a full JDK 17+"
    done
    [ -f "$jdk/jmods/java.base.jmod" ] || fail "'$jdk' has no jmods/ (jlink needs them; on Debian install openjdk-17-jdk, or use another JDK)"

    rm -rf "$work" "$dist"
    mkdir -p "$work/input/lib" "$dist"
    cp target/boundary-lab.jar "$work/input/"
    cp target/lib/*.jar "$work/input/lib/"
    # JavaFX's native libraries, taken out of its jars and put where its loader looks first (the jars'
    # folder; ../bin on Windows). Otherwise every user's first start unpacks them into ~/.openjfx/cache,
    # which fails where home folders are read-only or full, as on some classroom machines. 0.8 MB.
    natives="$work/input/lib"
    [ "$os" = windows ] && natives="$work/input/bin" && mkdir -p "$natives"
    for fxjar in "$root/$work/input/lib/"javafx-*.jar; do
        libs="$("$jdk/bin/jar$exe" tf "$fxjar" | grep -E '^[^/]+\.(so|dll|dylib)$' || true)"
        [ -z "$libs" ] || (cd "$natives" && "$jdk/bin/jar$exe" xf "$fxjar" $libs)
    done

    # --- Runtime: the JDK modules the classes actually use -------------------------------------------
    # jdeps reads the app jar and every library jar (javafx.base's optional jdk.jfr use shows up here
    # too, so it is dropped: JavaFX only uses it when flight recording is asked for).
    echo "== jdeps: modules used by the app and its jars"
    modules="$("$jdk/bin/jdeps$exe" -q --print-module-deps --ignore-missing-deps --multi-release 17 \
        "$work/input/boundary-lab.jar" "$work/input/lib/"*.jar)"
    modules="$(echo "$modules" | tr ',' '\n' | grep -v '^jdk\.jfr$' | paste -sd, -)"
    # No jdk.localedata: the app formats and parses its numbers with Locale.ROOT, so the English data
    # in java.base is all it reads (2 MB saved).
    echo "$modules"

    # A CDS archive of the JDK's own classes (--cds true) costs 12 MB and saves about 6% of the CPU
    # time to the first frame (docs/PACKAGING.md); most of the start-up goes to JavaFX and app classes
    # from jars, which it does not hold. Off by default to keep the app image small.
    cds_option=()
    $cds && cds_option=(--generate-cds-archive)
    echo "== jlink: runtime image"
    "$jdk/bin/jlink$exe" --add-modules "$modules" \
        --strip-debug --no-header-files --no-man-pages --compress=2 \
        ${cds_option[@]+"${cds_option[@]}"} \
        --output "$work/runtime"
    # The CDS twin for heaps over 32 GB (no compressed oops) is 11 MB that no classroom machine uses.
    rm -f "$work/runtime/lib/server/classes_nocoops.jsa"
    # Symbol tables of the native libraries (4 MB, mostly libjvm.so) serve only debuggers; the dynamic
    # symbols the libraries link by stay. Linux only: other JDKs ship their libraries stripped.
    if [ "$os" = linux ] && command -v objcopy >/dev/null; then
        find "$work/runtime/lib" -name '*.so' -exec objcopy --strip-unneeded {} \;
    fi
fi

# --- App image --------------------------------------------------------------------------------------
common=(--name boundary-lab
        --app-version "$app_version"
        --vendor "Boundary Lab"
        --description "Watch a small neural network learn a 2-D decision boundary"
        --copyright "Boundary Lab contributors")
icon_linux=packaging/linux/boundary-lab.png
icon_windows=packaging/windows/boundary-lab.ico
icon_macos=packaging/macos/boundary-lab.icns
# Workspace files (.blab, application/x-boundary-lab) open with the app, with an icon of their own.
# jpackage takes them for installers only; on macOS they live in the app's Info.plist, so the .dmg
# is made from the app's input rather than from the app image.
blab_files="packaging/$os/blab-files.properties"

app_args=("${common[@]}"
          --input "$work/input" --main-jar boundary-lab.jar --main-class org.boundarylab.Main
          --runtime-image "$work/runtime")
case "$os" in
    # The training threads (Thread.MIN_PRIORITY) at nice 19, below the FX and render threads, so
    # training never makes the window stutter; HotSpot ignores Java priorities on Linux unless
    # asked, and lowering its own threads needs no privilege (docs/PERFORMANCE.md, "In the window").
    linux) app_args+=(--icon "$icon_linux"
                      --java-options -XX:ThreadPriorityPolicy=1
                      --java-options -XX:JavaPriority1_To_OSPriority=19) ;;
    # The bundle identifier, the name in the menu bar and Finder, the App Store category (Education).
    macos) app_args+=(--icon "$icon_macos" --mac-package-identifier org.boundarylab.app
                      --mac-package-name "Boundary Lab" --mac-app-category education) ;;
    windows)
        # A Windows GUI launcher has no console, so commands print nothing from it: a second
        # launcher with a console runs the command line (boundary-lab-cli train ...).
        app_args+=(--icon "$icon_windows"
                   --add-launcher "boundary-lab-cli=packaging/windows/cli-launcher.properties") ;;
esac

jpackage_run --type app-image "${app_args[@]}" --dest "$dist"
$dry_run || [ -e "$image" ] || fail "jpackage made no app image at $image"

# --- Installers from that app image -----------------------------------------------------------------
# msi and dmg names carry the system and the processor (two Macs build a .dmg each); deb and rpm
# names carry the processor already.
renamed() {
    local made="$1" wanted="$2"
    if $dry_run; then
        echo "# then $made is renamed $wanted"
    else
        [ -f "$dist/$made" ] || fail "jpackage made no $dist/$made"
        mv "$dist/$made" "$dist/$wanted"
    fi
}

for type in $types; do
    case "$type" in
        app-image|zip) continue ;;
    esac
    pkg_args=(--type "$type" "${common[@]}" --app-image "$image" --dest "$dist" --file-associations "$blab_files")
    case "$type" in
        deb|rpm)
            # jpackage cannot see the GTK 3 library that JavaFX's bundled natives load. The desktop
            # and MIME databases' tools make the .blab type and the app's handling of it known.
            if [ "$type" = deb ]; then
                deps="libgtk-3-0, desktop-file-utils, shared-mime-info"
            else
                deps="gtk3, desktop-file-utils, shared-mime-info"
            fi
            pkg_args+=(--linux-package-deps "$deps"
                       --linux-shortcut --linux-menu-group "Education;Science;"
                       --linux-app-category education
                       --resource-dir packaging/linux
                       --install-dir /opt
                       --icon "$icon_linux") ;;
        dmg|pkg)
            pkg_args=(--type "$type" "${app_args[@]}" --dest "$dist" --file-associations "$blab_files") ;;
        msi|exe)
            # Installs for the user who runs it, without administrator rights (into %LOCALAPPDATA%);
            # a Start-menu group and a desktop shortcut; the fixed upgrade code lets a newer
            # installer replace an older one in place, across versions.
            pkg_args+=(--icon "$icon_windows" --win-per-user-install
                       --win-menu --win-menu-group "Boundary Lab"
                       --win-shortcut --win-dir-chooser
                       --win-upgrade-uuid 6f1c3a52-2b1e-4c55-9d3e-0a8b5d7e4c21) ;;
    esac
    jpackage_run "${pkg_args[@]}"
    case "$type" in
        msi|exe) renamed "boundary-lab-$app_version.$type" "boundary-lab-$version-windows-$arch.$type" ;;
        dmg|pkg) renamed "boundary-lab-$app_version.$type" "boundary-lab-$version-macos-$arch.$type" ;;
    esac
done

# --- A zip of the app image, to run without installing (no .blab association) ---------------------------
for type in $types; do
    [ "$type" = zip ] || continue
    zip_name="boundary-lab-$version-$os-$arch.zip"
    if $dry_run; then
        echo "# then $image is zipped into $dist/$zip_name"
        continue
    fi
    echo "== zip: $zip_name"
    case "$os" in
        macos) ditto -c -k --keepParent "$image" "$dist/$zip_name" ;;  # keeps the bundle's attributes
        windows) powershell -NoProfile -Command \
            "Compress-Archive -Path '$(cygpath -w "$image")' -DestinationPath '$(cygpath -w "$dist/$zip_name")'" ;;
        *) command -v zip >/dev/null || fail "type zip needs the zip command"
           (cd "$dist" && zip -qry "$zip_name" "$(basename "$image")") ;;
    esac
done

$dry_run && exit 0
echo "== made in $dist:"
ls -1 "$dist"
du -sh "$image" | sed 's/^/app image size: /'
