"""The package's `imsmanifest.xml`: one item per module, case study and activity, in the menu's order.

A learning platform (an LMS such as Moodle) reads the manifest to list the
course's parts and to know which page to open first. Each listed page is a SCO
(a part that talks to the LMS through app-scorm.js); every other file of the
course is one shared asset resource that they all depend on.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")
SCHEMA_LOCATION = f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"

# The learner's course in the LMS: the start page, the modules, the case studies, the
# activities and the end-of-course check. Trainers' pages, the glossary and the rest
# stay in the package (links reach them) but are not parts the LMS lists.
_LISTED = re.compile(r"^(index\.md|check\.md|modules/.+\.md|case-studies/.+\.md|activities/.+\.md)$")
MODULE_PAGE = re.compile(r"^modules/.+\.md$")


@dataclass
class Item:
    """One part the LMS lists: a page (href) or a group of pages (children)."""

    title: str
    href: str | None = None
    children: list[Item] = field(default_factory=list)


def page_href(src_uri: str) -> str:
    """The file a Markdown page becomes in the package (built with `use_directory_urls: false`)."""
    return re.sub(r"\.md$", ".html", src_uri)


def course_outline(nav: list, title_of) -> list[Item]:
    """The listed pages of mkdocs.yml's `nav:`, grouped as its sections are; `title_of(src_uri)` names untitled entries."""
    items: list[Item] = []
    for entry in nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(value, list):
            children = course_outline(value, title_of)
            if children:
                items.append(Item(str(title), children=children))
        elif isinstance(value, str) and _LISTED.match(value):
            items.append(Item(str(title) if title else title_of(value), href=page_href(value)))
    return items


def _pages(items: list[Item]) -> list[Item]:
    return [page for item in items for page in ([item] if item.href else _pages(item.children))]


def module_pages(nav: list) -> list[str]:
    """The module pages' files, in the menu's order."""
    found = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += module_pages(value)
        elif isinstance(value, str) and MODULE_PAGE.match(value):
            found.append(page_href(value))
    return found


def manifest_xml(course_title: str, version: str, outline: list[Item], files: list[str]) -> bytes:
    """The manifest, as bytes: `outline` as the organisation, each page a SCO sharing the asset resource of `files`."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    manifest = ET.Element(f"{{{IMSCP}}}manifest", {"identifier": "coproduction-course-scorm12", "version": version,
                                                   f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    metadata = ET.SubElement(manifest, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organisations = ET.SubElement(manifest, f"{{{IMSCP}}}organizations", {"default": "course"})
    organisation = ET.SubElement(organisations, f"{{{IMSCP}}}organization", {"identifier": "course"})
    ET.SubElement(organisation, f"{{{IMSCP}}}title").text = course_title
    resources = ET.SubElement(manifest, f"{{{IMSCP}}}resources")
    counter = iter(range(1, 10_000))

    def add(parent: ET.Element, items: list[Item]) -> None:
        for item in items:
            number = next(counter)
            attributes = {"identifier": f"item-{number}"}
            if item.href:
                attributes["identifierref"] = f"sco-{number}"
            element = ET.SubElement(parent, f"{{{IMSCP}}}item", attributes)
            ET.SubElement(element, f"{{{IMSCP}}}title").text = item.title
            if item.href:
                resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
                    "identifier": f"sco-{number}", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": item.href})
                ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": item.href})
                ET.SubElement(resource, f"{{{IMSCP}}}dependency", {"identifierref": "course-files"})
            add(element, item.children)

    add(organisation, outline)
    listed = {page.href for page in _pages(outline)}
    shared = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": "course-files", "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"})
    for name in files:
        if name not in listed:
            ET.SubElement(shared, f"{{{IMSCP}}}file", {"href": name})
    ET.indent(manifest)
    return ET.tostring(manifest, encoding="utf-8", xml_declaration=True)
