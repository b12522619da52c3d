// OwlCheck.java - Jena's OWL checker over the ontology and extracted
// articles: every FILE is read into one model (riot picks the syntax by
// extension), an OWL Micro rule reasoner is bound to it and validate()
// reports inconsistencies (a node in two disjoint classes, a literal where
// an individual must be, ...).  Prints "valid N triples" and exits 0, or
// prints each error and exits 1.  Built and run by tests/vocab/run.sh:
//   javac -cp '/usr/share/java/*' OwlCheck.java
//   java -cp '/usr/share/java/*:DIR' OwlCheck FILE...
import java.util.Iterator;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.apache.jena.riot.RDFDataMgr;

public class OwlCheck {
  public static void main(String[] args) {
    Model data = ModelFactory.createDefaultModel();
    for (String f : args)
      RDFDataMgr.read(data, f);
    InfModel inf = ModelFactory.createInfModel(
        ReasonerRegistry.getOWLMicroReasoner(), data);
    ValidityReport v = inf.validate();
    int errors = 0;
    for (Iterator<ValidityReport.Report> i = v.getReports(); i.hasNext();) {
      ValidityReport.Report r = i.next();
      if (r.isError()) {
        System.out.println("error: " + r);
        errors++;
      }
    }
    if (!v.isValid() || errors > 0) {
      System.out.println("invalid");
      System.exit(1);
    }
    System.out.println("valid " + data.size() + " triples");
  }
}
