"""The SCORM 1.2 package: the offline copy of the course, made ready for an organisation's learning platform."""
