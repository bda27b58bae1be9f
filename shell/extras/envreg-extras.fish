# envreg extras for fish (mktmpenv, cdvirtualenv, cdsitepackages, lssitepackages): not yet written.
