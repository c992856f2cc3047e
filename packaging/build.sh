#!/usr/bin/env bash
# Builds the native Boundary Lab app with jlink + jpackage.
#
# Called by `mvn -Ppackage package` after target/boundary-lab.jar and target/lib/ exist; it can
# also be run by hand from the repository root once `mvn package` has made those:
#
#   bash packaging/build.sh --version 0.1.0 [--jdk DIR] [--types "app-image deb"] [--cds true|false]
#
# What it makes, in target/dist/:
#   Linux    boundary-lab/ (app image, launcher bin/boundary-lab) and boundary-lab_<v>_<arch>.deb
#   macOS    boundary-lab.app (menu name "Boundary Lab") and boundary-lab-<v>.dmg
#   Windows  boundary-lab/ (app image, boundary-lab.exe + boundary-lab-cli.exe) and boundary-lab-<v>.msi
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
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="${2:?--version needs a value}"; shift 2 ;;
        --jdk) jdk="${2:?--jdk needs a value}"; shift 2 ;;
        --types) types="${2-}"; shift; [ $# -gt 0 ] && shift ;;  # empty: the default for this OS
        --cds) cds="${2:?--cds needs true or false}"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) fail "unknown argument '$1' (expected --version V, --jdk DIR, --types \"T ...\", --cds true|false)" ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -n "$version" ] || fail "no --version given (Maven passes the pom's version)"
case "$cds" in true|false) ;; *) fail "--cds wants true or false, got '$cds'" ;; esac
[ -f target/boundary-lab.jar ] || fail "target/boundary-lab.jar is missing: run 'mvn package' first"
[ -d target/lib ] || fail "target/lib/ is missing: run 'mvn package' first"

case "$(uname -s)" in
    Linux*) os=linux ;;
    Darwin*) os=macos ;;
    MINGW*|MSYS*|CYGWIN*) os=windows ;;
    *) fail "unsupported operating system '$(uname -s)'" ;;
esac
exe=""
if [ "$os" = windows ]; then exe=".exe"; fi

# The JDK: --jdk (Maven passes its own java.home), else JAVA_HOME, else the one `javac` belongs to.
if [ -z "$jdk" ] && command -v javac >/dev/null; then
    jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
for tool in jdeps jlink jpackage; do
    [ -x "$jdk/bin/$tool$exe" ] || fail "no $tool in '$jdk/bin': point --jdk or JAVA_HOME at a full JDK 17+"
done
[ -f "$jdk/jmods/java.base.jmod" ] || fail "'$jdk' has no jmods/ (jlink needs them; on Debian install openjdk-17-jdk, or use another JDK)"

# jpackage wants a purely numeric version; the full one (with -SNAPSHOT, say) stays in the jar's manifest.
app_version="${version%%-*}"
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || fail "version '$version' does not start with 1 to 3 numbers"
if [ "$os" = macos ] && [[ "$app_version" == 0* ]]; then
    # macOS refuses a bundle version whose first number is 0: 0.x.y is given as 1.x.y.
    mac_version="1.${app_version#0.}"
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

work=target/jpackage
dist=target/dist
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

# --- App image --------------------------------------------------------------------------------------
common=(--name boundary-lab
        --app-version "$app_version"
        --vendor "Boundary Lab"
        --description "Watch a small neural network learn a 2-D decision boundary"
        --copyright "Boundary Lab contributors")
icon_linux=packaging/linux/boundary-lab.png
icon_windows=packaging/windows/boundary-lab.ico
icon_macos=packaging/macos/boundary-lab.icns

image_args=(--type app-image "${common[@]}"
            --input "$work/input" --main-jar boundary-lab.jar --main-class org.boundarylab.Main
            --runtime-image "$work/runtime" --dest "$dist")
case "$os" in
    # The training threads (Thread.MIN_PRIORITY) at nice 19, below the FX and render threads, so
    # training never makes the window stutter; HotSpot ignores Java priorities on Linux unless
    # asked, and lowering its own threads needs no privilege (docs/PERFORMANCE.md, "In the window").
    linux) image_args+=(--icon "$icon_linux"
                        --java-options -XX:ThreadPriorityPolicy=1
                        --java-options -XX:JavaPriority1_To_OSPriority=19) ;;
    macos) image_args+=(--icon "$icon_macos" --mac-package-identifier org.boundarylab.app
                        --mac-package-name "Boundary Lab") ;;
    windows)
        # A Windows GUI launcher has no console, so commands print nothing from it: a second
        # launcher with a console runs the command line (boundary-lab-cli train ...).
        image_args+=(--icon "$icon_windows"
                     --add-launcher "boundary-lab-cli=packaging/windows/cli-launcher.properties") ;;
esac

echo "== jpackage: app image ($os)"
"$jdk/bin/jpackage$exe" "${image_args[@]}"
case "$os" in
    macos) image="$dist/boundary-lab.app" ;;
    *) image="$dist/boundary-lab" ;;
esac
[ -e "$image" ] || fail "jpackage made no app image at $image"

# --- Installers from that app image -----------------------------------------------------------------
for type in $types; do
    [ "$type" = app-image ] && continue
    echo "== jpackage: $type"
    pkg_args=(--type "$type" "${common[@]}" --app-image "$image" --dest "$dist")
    case "$type" in
        deb|rpm)
            # jpackage cannot see the GTK 3 library that JavaFX's bundled natives load.
            pkg_args+=(--linux-package-deps libgtk-3-0
                       --linux-shortcut --linux-menu-group "Education;Science;"
                       --linux-app-category education
                       --resource-dir packaging/linux
                       --install-dir /opt
                       --icon "$icon_linux") ;;
        dmg|pkg) pkg_args+=(--icon "$icon_macos") ;;
        msi|exe)
            # The fixed upgrade code lets a newer installer replace an older one in place.
            pkg_args+=(--icon "$icon_windows" --win-menu --win-menu-group "Boundary Lab"
                       --win-shortcut --win-dir-chooser
                       --win-upgrade-uuid 6f1c3a52-2b1e-4c55-9d3e-0a8b5d7e4c21) ;;
        *) fail "unknown package type '$type'" ;;
    esac
    "$jdk/bin/jpackage$exe" "${pkg_args[@]}"
done

echo "== made in $dist:"
ls -1 "$dist"
du -sh "$image" | sed 's/^/app image size: /'
