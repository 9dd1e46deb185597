/**
 * Knowledge: the CRS family guide and editors' entries, imported and repaired into passages.
 * <p>
 * API: {@link com.crscompanion.knowledge.KnowledgeBase} (the current passages), {@link com.crscompanion.knowledge.Passage},
 * {@link com.crscompanion.knowledge.ImportReport} and the {@link com.crscompanion.knowledge.KnowledgeChanged} event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package com.crscompanion.knowledge;
