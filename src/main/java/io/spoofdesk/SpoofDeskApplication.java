package io.spoofdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SpoofDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpoofDeskApplication.class, args);
	}

}
