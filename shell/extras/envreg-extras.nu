# envreg extras for nu (mktmpenv, cdvirtualenv, cdsitepackages, lssitepackages): not yet written.
