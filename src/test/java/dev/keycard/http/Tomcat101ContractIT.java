package dev.keycard.http;

/** The contract suite against the WAR in a standalone Apache Tomcat 10.1 distribution. */
class Tomcat101ContractIT extends StandaloneContractSuite {
    @Override
    String tomcatHomeProperty() {
        return "keycard.it.tomcat101";
    }
}
