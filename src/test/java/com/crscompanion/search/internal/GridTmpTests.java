package com.crscompanion.search.internal;
import java.nio.file.*; import java.util.*;
import org.junit.jupiter.api.Test;
import com.crscompanion.evaluation.EvalSet;
import com.crscompanion.knowledge.internal.TestContent;
class GridTmpTests {
 @Test void grid() throws Exception {
  var g = TestContent.guide();
  var qs = EvalSet.read(Path.of("src/test/resources/eval/retrieval/questions-dev.tsv")).rows();
  Map<String,Object> y = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("config/messages.yml")));
  @SuppressWarnings("unchecked") var st = (Map<String,Object>)((Map<String,Object>)((Map<String,Object>)y.get("crs")).get("messages")).get("small-talk");
  Set<String> chat = new HashSet<>(); for (var v : st.values()) for (Object o : (List<?>) v) chat.addAll(Arrays.asList(o.toString().toLowerCase().split(" ")));
  var off = EvalSet.read(Path.of("src/test/resources/eval/retrieval/offtopic-dev.tsv")).rows().stream()
     .filter(r -> !Arrays.stream(r.get("text").toLowerCase().replaceAll("[^\\p{L}\\p{N} ]"," ").trim().split("\\s+")).allMatch(chat::contains)).toList();
  System.out.println("offtopic considered " + off.size());
  List<String> results = new ArrayList<>();
  for (float q : new float[]{2,3}) for (float t : new float[]{3,6}) for (float s : new float[]{2}) for (float k1 : new float[]{1.2f,2f}) for (float b : new float[]{0.75f,1f}) for (double u : new double[]{0.35,0.7,1.0}) {
    var p = new SearchProperties(Path.of("config/synonyms.txt"), 0.0, u, 48, 5, 5, new SearchProperties.Boosts(q,t,s,1), new SearchProperties.Bm25(k1,b));
    var svc = new LuceneSearchService(p, () -> g);
    var p0 = new SearchProperties(Path.of("config/synonyms.txt"), 0.0001, u, 48, 5, 5, new SearchProperties.Boosts(q,t,s,1), new SearchProperties.Bm25(k1,b)); var gated = new LuceneSearchService(p0, () -> g);
    double maxOff = 0; for (var r : off) { var rr = gated.search(r.get("text")); if (rr.confident()) maxOff = Math.max(maxOff, rr.confidence()); }
    int top1 = 0, answeredRight = 0, top3 = 0;
    for (var r : qs) { var res = svc.search(r.get("text")); var exp = Set.of(r.get("expected").split("\\|"));
      boolean ok = !res.hits().isEmpty() && exp.contains(res.hits().get(0).passage().id());
      if (ok) top1++; if (ok && res.confidence() > maxOff && gated.search(r.get("text")).confident()) answeredRight++;
      for (int i=0;i<Math.min(3,res.hits().size());i++) if (exp.contains(res.hits().get(i).passage().id())) { top3++; break; } }
    results.add(String.format("%3d answered-right  top1 %3d top3 %3d maxOff %.2f  q%.0f t%.0f s%.0f k1 %.1f b %.2f u %.2f", answeredRight, top1, top3, maxOff, q,t,s,k1,b,u));
  }
  results.sort(Comparator.reverseOrder()); results.stream().limit(25).forEach(r -> System.out.println("GRID " + r));
 }
}
