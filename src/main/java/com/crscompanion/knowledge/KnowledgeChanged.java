package com.crscompanion.knowledge;

/** Published when a new, valid set of passages has replaced the previous one. */
public record KnowledgeChanged(KnowledgeSnapshot snapshot) {
}
