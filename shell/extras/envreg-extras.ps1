# envreg extras for ps1 (mktmpenv, cdvirtualenv, cdsitepackages, lssitepackages): not yet written.
