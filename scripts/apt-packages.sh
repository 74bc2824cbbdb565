# Debian/Ubuntu system packages, sourced by scripts/bootstrap.sh (the checkout) and installers/build-linux.sh
# (the bundle): one list of the libraries the Qt wheels and their plug-ins load, and one way to install what
# is missing.

QT_LIBRARIES=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3
              libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
              libxcb-render-util0 libxcb-shape0 libxcb-xkb1)

# install_missing_apt_packages PACKAGE...: installs those not installed yet (with sudo when not root). Does
# nothing on a system without dpkg: there the packages are the user's to provide.
install_missing_apt_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
