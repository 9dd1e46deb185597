package com.crscompanion;
import com.crscompanion.safety.*;
@org.springframework.stereotype.Component
class TmpGuard implements EmergencyGuard, EmergencyReplies {
  public EmergencyVerdict assess(String t) { return EmergencyVerdict.none(); }
  public String emergencyMessage(String l) { return "Contact the ward immediately"; }
}
