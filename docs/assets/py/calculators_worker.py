"""The calculators' Python worker: started by docs/assets/js/calculators.js with PyScript's
PyWorker, after the python-dateutil wheel and sendrules.zip are unpacked into its file system.

It only exposes sendrules.web.render; the page's JavaScript calls it and shows what it returns.
"""


__export__ = ["render"]
