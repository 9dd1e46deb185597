package com.crscompanion;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** One top-level package per capability; each module is used only through its public API (its base package). */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CrsCompanionApplication.class);

	@Test
	void modulesUseEachOtherOnlyThroughTheirApi() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
