/**
 * Language: shared word lists that more than one module reads (the English dictionary that keeps typo correction
 * from "correcting" real words). API: {@link com.crscompanion.language.EnglishWords}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Language", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.crscompanion.language;
