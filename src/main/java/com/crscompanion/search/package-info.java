/**
 * Search: finds the guide passage that answers a family's question, with Apache Lucene.
 * <p>
 * API: {@link com.crscompanion.search.PassageSearch} and its {@link com.crscompanion.search.SearchResult}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package com.crscompanion.search;
