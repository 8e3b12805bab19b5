package dev.keycard.http;

/** The contract suite against the WAR in a standalone Apache Tomcat 11.0 distribution. */
class Tomcat11ContractIT extends StandaloneContractSuite {
    @Override
    String tomcatHomeProperty() {
        return "keycard.it.tomcat11";
    }
}
