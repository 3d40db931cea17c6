package com.sqltables.devhost.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;

/**
 * The demo datasource's database: an in-memory H2 database of customers, products, orders and order lines,
 * generated from a fixed seed, so every start (and every node) has exactly the same rows.
 *
 * <p>It must be created with the <em>plugin's</em> copy of H2: an in-memory database lives in the static state
 * of the H2 classes, and the plugin embeds its own H2 driver in its bundle class loader, so a database created
 * with the host's H2 would be invisible to the plugin. The driver is therefore loaded from the bundle class loader
 * and used directly (never through {@code DriverManager}, which would pick any H2). {@code DB_CLOSE_DELAY=-1}
 * keeps the database while no connection is open; it lives as long as the plugin's class loader, so it is
 * created afresh on every start.
 *
 * <p>The owner account (random password, never stored) creates the data; the datasource connects as
 * {@value #READER_USER}, which may only {@code SELECT}: for H2 that is what enforces read-only (the plugin's
 * statement check comes first, but H2 has no read-only transactions).
 */
public final class DemoDatabase {
    /** Name of the in-memory database; the plugin only accepts {@code jdbc:h2:mem:} URLs for H2. */
    public static final String DATABASE = "sqltables-demo";
    /** The datasource's URL: {@code IFEXISTS} so that a datasource can never create an empty database of that name. */
    public static final String JDBC_URL = "jdbc:h2:mem:" + DATABASE + ";IFEXISTS=TRUE";
    public static final String READER_USER = "DEMO_READER";
    /**
     * Fixed, because the datasource (and its encrypted password) outlives a restart while the database does not.
     * Harmless: the database exists only inside this JVM and holds generated demo data.
     */
    public static final String READER_PASSWORD = "demo-reader";

    public static final int CUSTOMERS = 400;
    public static final int PRODUCTS = 48;
    public static final int ORDERS = 1_500;
    /** Fixed seed: the same data on every start and node. */
    static final long SEED = 20_241_127L;

    private static final String OWNER = "DEMO_OWNER";
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 731; // 2024-01-01 .. 2025-12-31

    private static final String[] FIRST_NAMES = {"Zoë", "José", "Ana", "François", "Søren", "Łukasz", "Björn", "Émilie",
            "Jürgen", "Ngọc", "Siobhán", "Åsa", "Chloé", "Mateo", "Yuki", "Olga", "Agnieszka", "Ferrán", "Noah", "Mia",
            "Grzegorz", "Inès", "Kateřina", "Ömer", "Hana", "Liam", "Sofía", "Matthäus", "Aoife", "Renée"};
    private static final String[] LAST_NAMES = {"Müller", "García", "Núñez", "Dvořák", "O'Brien", "Kowalski", "Nguyễn",
            "Johansson", "Petrović", "Lefèvre", "Smith", "Rossi", "Schröder", "Øvergaard", "Yılmaz", "Satō", "Ferreira",
            "Żukowski", "Brontë", "Martínez", "Novák", "Andersen", "Kelly", "Bianchi"};
    private static final String[][] PLACES = {
            {"Germany", "Berlin", "München", "Köln", "Düsseldorf"},
            {"France", "Paris", "Lyon", "Besançon", "Nîmes"},
            {"Spain", "Madrid", "A Coruña", "Málaga", "Cádiz"},
            {"Poland", "Kraków", "Łódź", "Gdańsk", "Wrocław"},
            {"Sweden", "Göteborg", "Malmö", "Västerås", "Stockholm"},
            {"Czechia", "Praha", "Brno", "České Budějovice", "Plzeň"},
            {"Türkiye", "İstanbul", "Ankara", "İzmir", "Eskişehir"},
            {"Vietnam", "Hà Nội", "Đà Nẵng", "Huế", "Hội An"},
            {"Ireland", "Dublin", "Cork", "Galway", "Dún Laoghaire"},
            {"United States", "New York", "San José", "Chicago", "Boston"},
            {"Japan", "Tōkyō", "Ōsaka", "Kyōto", "Sapporo"},
            {"Brazil", "São Paulo", "Brasília", "Belém", "Florianópolis"}};
    private static final String[] SEGMENTS = {"Consumer", "Small business", "Enterprise"};
    private static final String[][] PRODUCT_LINES = {
            {"Coffee", "Espresso beans", "Filter roast", "Decaf blend", "Cold brew concentrate"},
            {"Tea", "Earl Grey", "Sencha", "Rooibos", "Chai masala"},
            {"Bakery", "Croissant box", "Pão de queijo", "Stollen", "Smørrebrød kit"},
            {"Hardware", "Grinder", "Kettle", "French press", "Moka pot"}};
    private static final String[] SIZES = {"small", "regular", "large"};
    private static final String[] STATUSES = {"DELIVERED", "DELIVERED", "DELIVERED", "SHIPPED", "OPEN", "CANCELLED"};

    private DemoDatabase() {
    }

    /**
     * Creates (or re-creates) the database and its rows with the plugin's H2.
     *
     * @param pluginClassLoader the plugin bundle's class loader, which embeds H2
     * @return a handle that shuts the database down (call it when the plugin stops)
     */
    public static AutoCloseable populate(ClassLoader pluginClassLoader) throws SQLException, ReflectiveOperationException {
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, pluginClassLoader).getDeclaredConstructor().newInstance();
        Properties owner = new Properties();
        owner.setProperty("user", OWNER);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        owner.setProperty("password", Base64.getEncoder().encodeToString(secret));
        String url = "jdbc:h2:mem:" + DATABASE + ";DB_CLOSE_DELAY=-1";
        try (Connection c = driver.connect(url, owner)) {
            fill(c);
        }
        return () -> {
            try (Connection c = driver.connect(url, owner); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        };
    }

    static void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE CUSTOMERS (ID INT PRIMARY KEY, NAME VARCHAR(120) NOT NULL, EMAIL VARCHAR(200),"
                    + " CITY VARCHAR(80) NOT NULL, COUNTRY VARCHAR(60) NOT NULL, SEGMENT VARCHAR(30) NOT NULL,"
                    + " SIGNED_UP DATE NOT NULL)");
            s.execute("CREATE TABLE PRODUCTS (ID INT PRIMARY KEY, NAME VARCHAR(120) NOT NULL, CATEGORY VARCHAR(40) NOT NULL,"
                    + " UNIT_PRICE DECIMAL(10,2) NOT NULL, DISCONTINUED BOOLEAN NOT NULL)");
            s.execute("CREATE TABLE ORDERS (ID INT PRIMARY KEY, CUSTOMER_ID INT NOT NULL REFERENCES CUSTOMERS(ID),"
                    + " ORDER_DATE DATE NOT NULL, STATUS VARCHAR(20) NOT NULL, SHIPPED_DATE DATE, NOTE VARCHAR(200))");
            s.execute("CREATE TABLE ORDER_LINES (ORDER_ID INT NOT NULL REFERENCES ORDERS(ID), LINE_NO INT NOT NULL,"
                    + " PRODUCT_ID INT NOT NULL REFERENCES PRODUCTS(ID), QUANTITY INT NOT NULL,"
                    + " UNIT_PRICE DECIMAL(10,2) NOT NULL, DISCOUNT_PCT DECIMAL(5,2), PRIMARY KEY (ORDER_ID, LINE_NO))");
            s.execute("CREATE INDEX ORDERS_DATE ON ORDERS(ORDER_DATE)");
            s.execute("CREATE INDEX ORDERS_CUSTOMER ON ORDERS(CUSTOMER_ID)");
        }
        c.setAutoCommit(false);
        Random random = new Random(SEED);
        BigDecimal[] prices = products(c, random);
        customers(c, random);
        orders(c, random, prices);
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE USER " + READER_USER + " PASSWORD '" + READER_PASSWORD + "'");
            s.execute("GRANT SELECT ON SCHEMA PUBLIC TO " + READER_USER);
        }
    }

    private static BigDecimal[] products(Connection c, Random random) throws SQLException {
        BigDecimal[] prices = new BigDecimal[PRODUCTS + 1];
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO PRODUCTS VALUES (?, ?, ?, ?, ?)")) {
            int id = 0;
            for (String[] line : PRODUCT_LINES) {
                for (int i = 1; i < line.length; i++) {
                    for (String size : SIZES) {
                        id++;
                        BigDecimal price = BigDecimal.valueOf(150 + random.nextInt(4_850), 2);
                        prices[id] = price;
                        insert.setInt(1, id);
                        insert.setString(2, line[i] + " (" + size + ")");
                        insert.setString(3, line[0]);
                        insert.setBigDecimal(4, price);
                        insert.setBoolean(5, random.nextInt(10) == 0);
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        return prices;
    }

    private static void customers(Connection c, Random random) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO CUSTOMERS VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= CUSTOMERS; id++) {
                String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                String[] place = PLACES[random.nextInt(PLACES.length)];
                insert.setInt(1, id);
                insert.setString(2, first + " " + last);
                // About one in eight customers left no e-mail address: NULLs to show.
                if (random.nextInt(8) == 0) {
                    insert.setNull(3, Types.VARCHAR);
                } else {
                    insert.setString(3, ascii(first).toLowerCase() + "." + ascii(last).toLowerCase() + id + "@example.com");
                }
                insert.setString(4, place[1 + random.nextInt(place.length - 1)]);
                insert.setString(5, place[0]);
                insert.setString(6, SEGMENTS[random.nextInt(SEGMENTS.length)]);
                insert.setDate(7, Date.valueOf(FIRST_DAY.minusDays(random.nextInt(1_500))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void orders(Connection c, Random random, BigDecimal[] prices) throws SQLException {
        try (PreparedStatement order = c.prepareStatement("INSERT INTO ORDERS VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement line = c.prepareStatement("INSERT INTO ORDER_LINES VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= ORDERS; id++) {
                LocalDate date = FIRST_DAY.plusDays((long) (id - 1) * DAYS / ORDERS + random.nextInt(2));
                String status = STATUSES[random.nextInt(STATUSES.length)];
                order.setInt(1, id);
                order.setInt(2, 1 + random.nextInt(CUSTOMERS));
                order.setDate(3, Date.valueOf(date));
                order.setString(4, status);
                if (status.equals("DELIVERED") || status.equals("SHIPPED")) {
                    order.setDate(5, Date.valueOf(date.plusDays(1 + random.nextInt(6))));
                } else {
                    order.setNull(5, Types.DATE);
                }
                int noteKind = random.nextInt(12);
                order.setString(6, noteKind == 0 ? "Gift wrap, bitte" : noteKind == 1 ? "Livraison après 18 h" : null);
                order.addBatch();
                int lines = 1 + random.nextInt(5);
                for (int n = 1; n <= lines; n++) {
                    int product = 1 + random.nextInt(PRODUCTS);
                    line.setInt(1, id);
                    line.setInt(2, n);
                    line.setInt(3, product);
                    line.setInt(4, 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 6));
                    line.setBigDecimal(5, prices[product]);
                    if (random.nextInt(5) == 0) {
                        line.setBigDecimal(6, BigDecimal.valueOf(5 * (1 + random.nextInt(4))).setScale(2, RoundingMode.UNNECESSARY));
                    } else {
                        line.setNull(6, Types.DECIMAL);
                    }
                    line.addBatch();
                }
            }
            order.executeBatch();
            line.executeBatch();
        }
    }

    /** E-mail local parts stay ASCII, as most mail systems still expect. */
    private static String ascii(String name) {
        String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("ı", "i")
                .replace("đ", "d").replace("Đ", "D").replaceAll("[^A-Za-z]", "");
    }
}
