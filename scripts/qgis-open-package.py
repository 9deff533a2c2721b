#!/usr/bin/python3
"""Opens an offline package's QGIS project the way QGIS and QField do, and renders its opening view.

Usage: /usr/bin/python3 scripts/qgis-open-package.py PROJECT.qgs OUT.png [WIDTH HEIGHT]

Prints one JSON object: the project's CRS, each layer (valid?, source, renderer, labels), the GeoPackage's own
default style as QGIS loads it without the project, the view extent, the map scale and how many labels were drawn.
Debian's python3-qgis runs headless with QT_QPA_PLATFORM=offscreen (set here when unset).
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsMapLayerType, QgsProject,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

project_path, out = sys.argv[1], sys.argv[2]
width, height = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (1600, 1200)
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
result = {"read": project.read(project_path), "crs": project.crs().authid(), "layers": []}
for layer in project.mapLayers().values():
    entry = {"name": layer.name(), "valid": layer.isValid(), "source": layer.source(), "type": int(layer.type())}
    if layer.type() == QgsMapLayerType.VectorLayer:
        entry["renderer"] = layer.renderer().type()
        entry["labels"] = layer.labelsEnabled()
        if layer.renderer().type() == "RuleRenderer":
            entry["rules"] = [r.label() for r in layer.renderer().rootRule().descendants() if r.symbol() is not None]
    elif layer.type() == QgsMapLayerType.VectorTileLayer:
        entry["styles"] = len(layer.renderer().styles())
    result["layers"].append(entry)

gpkg = next(l.source().split("|")[0] for l in project.mapLayers().values() if l.source().split("|")[0].endswith(".gpkg"))
alone = QgsVectorLayer(gpkg + "|layername=village_indicators", "alone", "ogr")
result["geopackage_default_style"] = alone.renderer().type() if alone.isValid() else None

visible = [node.layer() for node in project.layerTreeRoot().findLayers() if node.isVisible()]
result["visible"] = [l.name() for l in visible]
view = project.viewSettings().defaultViewExtent()
result["view"] = [view.xMinimum(), view.yMinimum(), view.xMaximum(), view.yMaximum(), view.crs().authid()]
settings = QgsMapSettings()
settings.setLayers(visible)
settings.setDestinationCrs(project.crs())
settings.setExtent(view)
settings.setOutputSize(QSize(width, height))
settings.setOutputDpi(96)
# The canvas colour the project asks for (the style's background), as QGIS desktop paints it.
settings.setBackgroundColor(QColor(*(project.readNumEntry("Gui", "/CanvasColor%sPart" % part, 255)[0] for part in ("Red", "Green", "Blue"))))
settings.setFlag(QgsMapSettings.DrawLabeling, True)
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
labels = job.takeLabelingResults()
result["scale"] = settings.scale()
result["extent"] = [settings.visibleExtent().xMinimum(), settings.visibleExtent().yMinimum(),
                    settings.visibleExtent().xMaximum(), settings.visibleExtent().yMaximum()]
result["labels"] = len(labels.allLabels()) if labels else 0
result["errors"] = [e.message for e in job.errors()]
result["saved"] = job.renderedImage().save(out, "png")
print(json.dumps(result))
