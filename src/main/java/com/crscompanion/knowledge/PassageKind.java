package com.crscompanion.knowledge;

/** What part of the guide a passage is; decides how a reply frames it. */
public enum PassageKind {

	/** A paragraph of a guide section. */
	SECTION,
	/** One of several sub-topics the export ran together on one line (e.g. "Tocilizumab" in "How CRS Is Treated"). */
	SUBTOPIC,
	/** A question and its answer, from the guide's FAQ or an editor's entry. */
	FAQ,
	/** One item of a list (symptoms, caregiver tips), findable on its own. */
	LIST_ITEM,
	/** One row of a reference table (a CRS grade). */
	TABLE_ROW

}
