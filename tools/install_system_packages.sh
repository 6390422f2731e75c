#!/bin/sh
# Install the Debian packages the course needs beyond Python:
#   chromium  - the browser the tests drive (Playwright's own download cannot work offline)
#   nginx     - the web server the self-hosting tests start
#   apache2   - the other web server they start, with the .htaccess the build writes
#   libpango  - the text layout library WeasyPrint uses to make the PDFs
#   Java      - runs the Nu HTML Checker (vnu), which the tests use to check every page's HTML
#   nodejs/npm - install vnu (package.json) and run the JavaScript unit tests
#   pandoc    - makes the Word documents and EPUB e-books (hooks/ebooks/)
#   epubcheck - the tests check each EPUB with it (it runs on Java)
#   fonts-dejavu-core - DejaVu Sans, the Linux fallback font whose overrides app-fonts.css sets (tests check them)
#   libreoffice-impress - turns the session slides (hooks/slides/) into PDFs
#   poppler-utils - pdftoppm, which the tests use to draw a few slides as pictures
#   fonts-liberation2 - Liberation Sans, which LibreOffice draws the slides' Arial with
# Does nothing when they are all there already.
set -eu

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
command -v apache2 >/dev/null 2>&1 || [ -x /usr/sbin/apache2 ] || missing="$missing apache2"
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing="$missing libpango-1.0-0"
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing="$missing libpangoft2-1.0-0"
python3 -c 'import ensurepip, venv' 2>/dev/null || missing="$missing python3-venv"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
command -v pandoc >/dev/null 2>&1 || missing="$missing pandoc"
[ -f /usr/share/java/epubcheck.jar ] || missing="$missing epubcheck"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
# LibreOffice Impress turns the session slides (.pptx) into PDFs; pdftoppm draws slides as PNGs for the tests.
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-impress"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || missing="$missing fonts-liberation2"

if [ -z "$missing" ]; then
    exit 0
fi

echo "Installing system packages:$missing"
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "These Debian packages are missing:$missing" >&2
    echo "Ask someone with administrator rights to run: apt-get install$missing" >&2
    exit 1
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
