package com.crscompanion.knowledge;

/** The content currently in force; replaced as a whole when {@code index-data/} changes. */
public interface KnowledgeBase {

	KnowledgeSnapshot current();

}
