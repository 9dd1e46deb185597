/**
 * Support: small technical helpers shared by modules (background start-up work). API:
 * {@link com.crscompanion.support.Startup}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.crscompanion.support;
