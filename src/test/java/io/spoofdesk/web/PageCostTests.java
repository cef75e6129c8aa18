package io.spoofdesk.web;

import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards against per-link costs that silently slow every page down. */
@ServerTest
class PageCostTests {

	@Autowired
	ApplicationContext context;

	@Test
	void linksAreNotRewrittenThroughTheClassPath() {
		// ResourceUrlEncodingFilter resolves every link of a page on the class path,
		// uncached for
		// misses; measured at 1,000,000 incidents it cut the list page to a third.
		assertThat(this.context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
		assertThat(this.context.getBeansOfType(FilterRegistrationBean.class).values())
			.noneMatch(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter);
	}

}
