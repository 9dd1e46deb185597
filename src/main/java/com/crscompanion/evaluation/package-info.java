/**
 * Evaluation: measures answer quality and the emergency guard on the labelled sets in the repo, through the same
 * pipeline the channels use. API: {@link com.crscompanion.evaluation.Evaluation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package com.crscompanion.evaluation;
