# envreg extras for tcsh (mktmpenv, cdvirtualenv, cdsitepackages, lssitepackages): not yet written.
