package com.crscompanion.search.internal;
import java.nio.file.*; import java.util.*;
import org.junit.jupiter.api.Test;
import com.crscompanion.evaluation.EvalSet;
import com.crscompanion.knowledge.internal.TestContent;
class DiagTmpTests {
 @Test void diag() {
  var g = TestContent.guide(); var s = SearchFixtures.service(() -> g);
  List<double[]> right = new ArrayList<>(), wrong = new ArrayList<>(), off = new ArrayList<>();
  int top1=0, top3=0, n=0;
  for (var row : EvalSet.read(Path.of("src/test/resources/eval/retrieval/questions-dev.tsv")).rows()) {
    var r = s.search(row.get("text")); n++;
    var exp = Set.of(row.get("expected").split("\\|"));
    boolean ok = !r.hits().isEmpty() && exp.contains(r.hits().get(0).passage().id());
    int rank=0; for (int i=0;i<r.hits().size();i++) if (exp.contains(r.hits().get(i).passage().id())) { rank=i+1; break; }
    if (ok) top1++; if (rank>0 && rank<=3) top3++;
    (ok ? right : wrong).add(new double[]{r.confidence()});
    if (!ok) System.out.printf("MISS %.2f %s -> %s : %s%n", r.confidence(), row.get("expected"), r.hits().isEmpty()?"-":r.hits().get(0).passage().id(), row.get("text"));
  }
  for (var row : EvalSet.read(Path.of("src/test/resources/eval/retrieval/offtopic-dev.tsv")).rows()) {
    var r = s.search(row.get("text")); off.add(new double[]{r.confidence()});
    System.out.printf("OFF %.2f %s %s : %s%n", r.confidence(), r.confident(), r.hits().isEmpty()?"-":r.hits().get(0).passage().id(), row.get("text"));
  }
  System.out.printf("RANK top1 %d/%d top3 %d%n", top1, n, top3);
  for (double t = 0.2; t <= 0.71; t += 0.05) { final double th=t;
    System.out.printf("TH %.2f answeredRight %d wrongAnswered %d offAnswered %d%n", t, right.stream().filter(x->x[0]>=th).count(), wrong.stream().filter(x->x[0]>=th).count(), off.stream().filter(x->x[0]>=th).count()); }
 }
}
